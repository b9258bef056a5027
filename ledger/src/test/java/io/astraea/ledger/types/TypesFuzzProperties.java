package io.astraea.ledger.types;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import io.astraea.crypto.bcs.BcsDecoder;
import io.astraea.crypto.bcs.BcsException;
import io.astraea.crypto.bcs.BcsReader;
import io.astraea.crypto.bcs.BcsEncodable;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Hostile input: arbitrary bytes, and valid encodings with bytes flipped, truncated or appended,
 * either decode to a value (which then re-encodes to exactly those bytes) or fail with
 * {@link BcsException}. Any other exception fails the property.
 */
class TypesFuzzProperties {

  private static <T extends BcsEncodable> void decodeOrTypedError(byte[] input, BcsDecoder<T> dec) {
    T value;
    try {
      value = BcsReader.decode(input, dec);
    } catch (BcsException expected) {
      return;
    }
    // Strict decoding is canonical: whatever decodes re-encodes to the same bytes.
    assertArrayEquals(input, value.toBcs());
  }

  @Provide
  Arbitrary<byte[]> noise() {
    return TypeArbitraries.rawBytes(300);
  }

  /** Valid encodings with one byte replaced, a suffix cut, or a byte appended. */
  @Provide
  Arbitrary<byte[]> mutatedSignedTransactions() {
    return mutate(TypeArbitraries.signedTransactions().map(SignedTransaction::toBcs));
  }

  @Provide
  Arbitrary<byte[]> mutatedTransactions() {
    return mutate(TypeArbitraries.transactions().map(Transaction::toBcs));
  }

  private static Arbitrary<byte[]> mutate(Arbitrary<byte[]> valid) {
    return Combinators.combine(
            valid, Arbitraries.integers().between(0, 2), Arbitraries.integers().greaterOrEqual(0), Arbitraries.bytes())
        .as(
            (bytes, kind, where, b) -> {
              int at = bytes.length == 0 ? 0 : where % bytes.length;
              switch (kind) {
                case 0:
                  if (bytes.length > 0) {
                    bytes[at] = b;
                  }
                  return bytes;
                case 1:
                  return java.util.Arrays.copyOf(bytes, at);
                default:
                  byte[] longer = java.util.Arrays.copyOf(bytes, bytes.length + 1);
                  longer[bytes.length] = b;
                  return longer;
              }
            });
  }

  @Property(tries = 400)
  void arbitraryBytesAsSignedTransaction(@ForAll("noise") byte[] input) {
    decodeOrTypedError(input, SignedTransaction::decode);
  }

  @Property(tries = 400)
  void arbitraryBytesAsTransaction(@ForAll("noise") byte[] input) {
    decodeOrTypedError(input, Transaction::decode);
  }

  @Property(tries = 200)
  void mutatedSignedTransactionBytes(@ForAll("mutatedSignedTransactions") byte[] input) {
    decodeOrTypedError(input, SignedTransaction::decode);
  }

  @Property(tries = 200)
  void mutatedTransactionBytes(@ForAll("mutatedTransactions") byte[] input) {
    decodeOrTypedError(input, Transaction::decode);
  }

  @Property(tries = 200)
  void arbitraryBytesAsEventAndInfo(@ForAll("noise") byte[] input) {
    decodeOrTypedError(input, ContractEvent::decode);
    decodeOrTypedError(input, TransactionInfo::decode);
  }
}
