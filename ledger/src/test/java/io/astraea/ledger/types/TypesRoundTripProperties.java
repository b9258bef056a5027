package io.astraea.ledger.types;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.astraea.crypto.bcs.BcsDecoder;
import io.astraea.crypto.bcs.BcsEncodable;
import io.astraea.crypto.bcs.BcsException;
import io.astraea.crypto.bcs.BcsReader;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Every generated value encodes to bytes that decode back to an equal value with equal bytes. */
class TypesRoundTripProperties {

  private static <T extends BcsEncodable> void roundTrip(T value, BcsDecoder<T> decoder)
      throws BcsException {
    byte[] bytes = value.toBcs();
    T back = BcsReader.decode(bytes, decoder);
    assertEquals(value, back);
    assertArrayEquals(bytes, back.toBcs());
  }

  @Provide
  Arbitrary<SignedTransaction> signed() {
    return TypeArbitraries.signedTransactions();
  }

  @Provide
  Arbitrary<Transaction> transactions() {
    return TypeArbitraries.transactions();
  }

  @Provide
  Arbitrary<ContractEvent> events() {
    return TypeArbitraries.events();
  }

  @Provide
  Arbitrary<TransactionInfo> infos() {
    return TypeArbitraries.transactionInfos();
  }

  @Provide
  Arbitrary<TypeTag> typeTags() {
    return TypeArbitraries.typeTags();
  }

  @Property(tries = 150)
  void signedTransactionsRoundTripAndVerify(@ForAll("signed") SignedTransaction txn)
      throws BcsException {
    roundTrip(txn, SignedTransaction::decode);
    assertTrue(SignedTransaction.fromBcs(txn.toBcs()).checkSignature().isValid());
    assertEquals(new Transaction.UserTransaction(txn).hash(), txn.hash());
  }

  @Property(tries = 200)
  void transactionsRoundTrip(@ForAll("transactions") Transaction txn) throws BcsException {
    roundTrip(txn, Transaction::decode);
    assertEquals(txn.hash(), Transaction.fromBcs(txn.toBcs()).hash());
  }

  @Property(tries = 300)
  void eventsRoundTrip(@ForAll("events") ContractEvent event) throws BcsException {
    roundTrip(event, ContractEvent::decode);
    assertEquals(event.key(), EventKey.fromBytes(event.key().toBytes()));
  }

  @Property(tries = 300)
  void transactionInfosRoundTrip(@ForAll("infos") TransactionInfo info) throws BcsException {
    roundTrip(info, TransactionInfo::decode);
  }

  @Property(tries = 300)
  void typeTagsRoundTrip(@ForAll("typeTags") TypeTag tag) throws BcsException {
    roundTrip(tag, TypeTag::decode);
  }
}
