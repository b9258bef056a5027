package io.astraea.crypto.quorum;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.astraea.crypto.AccountAddress;
import io.astraea.crypto.Ed25519Signature;
import io.astraea.crypto.bcs.BcsException;
import io.astraea.crypto.bcs.BcsReader;
import io.astraea.crypto.bcs.BcsWriter;
import io.astraea.crypto.quorum.QuorumFixtures.Validator;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class ValidatorVerifierTest {
  private static final byte[] MESSAGE = "DIEM::Vote bytes".getBytes(StandardCharsets.UTF_8);

  private static Map<AccountAddress, Ed25519Signature> signatures(List<Validator> signers) {
    Map<AccountAddress, Ed25519Signature> sigs = new TreeMap<>();
    for (Validator v : signers) {
      sigs.put(v.address(), v.key().sign(MESSAGE));
    }
    return sigs;
  }

  private static VerifyException.Kind failure(ValidatorVerifier verifier, Map<AccountAddress, Ed25519Signature> sigs) {
    return assertThrows(VerifyException.class, () -> verifier.verifyQuorum(MESSAGE, sigs)).kind();
  }

  @Test
  void quorumIsMoreThanTwoThirds() {
    long[][] cases = {{1, 1}, {2, 2}, {3, 3}, {4, 3}, {5, 4}, {6, 5}, {7, 5}, {10, 7}, {100, 67}, {101, 68}};
    for (long[] c : cases) {
      assertEquals(c[1], ValidatorVerifier.quorumFor(c[0]), "total " + c[0]);
    }
  }

  @Property(tries = 200)
  void quorumFormulaIsExactEvenForHugeTotals(@ForAll @LongRange(min = 1) long total) {
    BigInteger expected = BigInteger.valueOf(total).multiply(BigInteger.TWO)
        .divide(BigInteger.valueOf(3)).add(BigInteger.ONE);
    assertEquals(expected.longValueExact(), ValidatorVerifier.quorumFor(total));
    // Strictly more than two thirds, and the smallest such power.
    long q = ValidatorVerifier.quorumFor(total);
    BigInteger t = BigInteger.valueOf(total);
    assertTrue(BigInteger.valueOf(q).multiply(BigInteger.valueOf(3)).compareTo(t.multiply(BigInteger.TWO)) > 0);
    assertTrue(BigInteger.valueOf(q - 1).multiply(BigInteger.valueOf(3)).compareTo(t.multiply(BigInteger.TWO)) <= 0);
  }

  @Test
  void equalPowerNeedsThreeOfFour() throws Exception {
    List<Validator> vs = QuorumFixtures.validators(1, 1, 1, 1);
    ValidatorVerifier verifier = QuorumFixtures.verifier(vs);
    assertEquals(4, verifier.totalVotingPower());
    assertEquals(3, verifier.quorumVotingPower());
    verifier.verifyQuorum(MESSAGE, signatures(vs.subList(0, 3)));
    verifier.verifyQuorum(MESSAGE, signatures(vs));
    assertEquals(VerifyException.Kind.TOO_LITTLE_VOTING_POWER, failure(verifier, signatures(vs.subList(1, 3))));
    assertEquals(VerifyException.Kind.TOO_LITTLE_VOTING_POWER, failure(verifier, Map.of()));
  }

  @Test
  void weightedPowerCountsPowerNotHeads() throws Exception {
    List<Validator> vs = QuorumFixtures.validators(1, 1, 1, 7);
    ValidatorVerifier verifier = QuorumFixtures.verifier(vs);
    assertEquals(7, verifier.quorumVotingPower());
    verifier.verifyQuorum(MESSAGE, signatures(List.of(vs.get(3))));
    assertEquals(VerifyException.Kind.TOO_LITTLE_VOTING_POWER, failure(verifier, signatures(vs.subList(0, 3))));
    assertEquals(7, verifier.votingPower(vs.get(3).address()));
    assertEquals(0, verifier.votingPower(AccountAddress.of("0xdead")));
  }

  @Test
  void unknownAuthorIsRefused() {
    List<Validator> vs = QuorumFixtures.validators(1, 1, 1, 1);
    ValidatorVerifier verifier = QuorumFixtures.verifier(vs.subList(0, 3));
    // The fourth signer is not in the set, even though the other three would be a quorum.
    assertEquals(VerifyException.Kind.UNKNOWN_AUTHOR, failure(verifier, signatures(vs)));
    VerifyException e = assertThrows(VerifyException.class,
        () -> verifier.verify(vs.get(3).address(), MESSAGE, vs.get(3).key().sign(MESSAGE)));
    assertEquals(VerifyException.Kind.UNKNOWN_AUTHOR, e.kind());
    assertFalse(verifier.contains(vs.get(3).address()));
    assertTrue(verifier.publicKey(vs.get(3).address()).isEmpty());
  }

  @Test
  void badSignatureIsRefused() throws Exception {
    List<Validator> vs = QuorumFixtures.validators(1, 1, 1, 1);
    ValidatorVerifier verifier = QuorumFixtures.verifier(vs);
    Map<AccountAddress, Ed25519Signature> sigs = signatures(vs.subList(0, 3));
    // Validator 2's slot carries validator 3's (valid) signature.
    sigs.put(vs.get(2).address(), vs.get(3).key().sign(MESSAGE));
    assertEquals(VerifyException.Kind.INVALID_SIGNATURE, failure(verifier, sigs));
    // A signature over another message.
    Map<AccountAddress, Ed25519Signature> other = signatures(vs.subList(0, 3));
    other.put(vs.get(0).address(), vs.get(0).key().sign("other".getBytes(StandardCharsets.UTF_8)));
    assertEquals(VerifyException.Kind.INVALID_SIGNATURE, failure(verifier, other));
    verifier.verify(vs.get(0).address(), MESSAGE, vs.get(0).key().sign(MESSAGE));
    assertEquals(vs.get(0).key().publicKey(), verifier.publicKey(vs.get(0).address()).orElseThrow());
  }

  @Test
  void duplicateSignerIsRefusedBeforeCountingPower() {
    List<Validator> vs = QuorumFixtures.validators(1, 1, 1, 1);
    ValidatorVerifier verifier = QuorumFixtures.verifier(vs);
    AccountAddress a = vs.get(0).address();
    AccountAddress b = vs.get(1).address();
    VerifyException e = assertThrows(VerifyException.class, () -> verifier.checkVotingPower(List.of(a, b, a)));
    assertEquals(VerifyException.Kind.DUPLICATE_SIGNER, e.kind());
    assertTrue(e.getMessage().contains(a.toHex()));
  }

  @Test
  void bcsLayoutAndRoundTrip() throws Exception {
    List<Validator> vs = QuorumFixtures.validators(5, 10);
    ValidatorVerifier verifier = QuorumFixtures.verifier(vs);
    byte[] bcs = verifier.toBcs();
    // map length, then per entry: 16-byte address, 0x20 + 32-byte key, u64 power; then quorum, total.
    assertEquals(1 + 2 * (16 + 33 + 8) + 8 + 8, bcs.length);
    assertEquals(2, bcs[0]);
    assertArrayEquals(vs.get(0).address().toBytes(), Arrays.copyOfRange(bcs, 1, 17));
    assertEquals(32, bcs[17]);
    BcsReader tail = new BcsReader(bcs, bcs.length - 16, 16);
    assertEquals(11, tail.readU64());
    assertEquals(15, tail.readU64());
    ValidatorVerifier decoded = BcsReader.decode(bcs, ValidatorVerifier::decode);
    assertEquals(verifier, decoded);
    assertEquals(verifier.hashCode(), decoded.hashCode());
    assertArrayEquals(bcs, decoded.toBcs());
    assertEquals(2, decoded.size());
    assertEquals(verifier.addresses(), decoded.addresses());
  }

  @Test
  void bcsWithInconsistentQuorumOrTotalIsRefused() {
    ValidatorVerifier verifier = QuorumFixtures.verifier(QuorumFixtures.validators(5, 10));
    byte[] bcs = verifier.toBcs();
    byte[] badQuorum = bcs.clone();
    badQuorum[bcs.length - 16] = 10; // quorum 10 instead of 11
    BcsException e = assertThrows(BcsException.class, () -> BcsReader.decode(badQuorum, ValidatorVerifier::decode));
    assertEquals(0, e.offset());
    byte[] badTotal = bcs.clone();
    badTotal[bcs.length - 8] = 16;
    assertThrows(BcsException.class, () -> BcsReader.decode(badTotal, ValidatorVerifier::decode));
  }

  @Test
  void bcsWithEmptySetOrZeroPowerOrUnsortedAddressesIsRefused() {
    byte[] empty = new BcsWriter().writeUleb128(0).writeU64(1).writeU64(0).toByteArray();
    assertThrows(BcsException.class, () -> BcsReader.decode(empty, ValidatorVerifier::decode));

    List<Validator> vs = QuorumFixtures.validators(5, 10);
    BcsWriter zero = new BcsWriter().writeUleb128(1).write(vs.get(0).address()).write(vs.get(0).key().publicKey());
    byte[] zeroPower = zero.writeU64(0).writeU64(1).writeU64(0).toByteArray();
    assertThrows(BcsException.class, () -> BcsReader.decode(zeroPower, ValidatorVerifier::decode));

    BcsWriter unsorted = new BcsWriter().writeUleb128(2);
    for (Validator v : List.of(vs.get(1), vs.get(0))) {
      unsorted.write(v.address()).write(v.key().publicKey()).writeU64(v.power());
    }
    byte[] bad = unsorted.writeU64(11).writeU64(15).toByteArray();
    assertThrows(BcsException.class, () -> BcsReader.decode(bad, ValidatorVerifier::decode));

    // Total power overflowing a signed 64-bit value.
    BcsWriter huge = new BcsWriter().writeUleb128(2);
    for (Validator v : vs) {
      huge.write(v.address()).write(v.key().publicKey()).writeU64(Long.MAX_VALUE);
    }
    byte[] overflow = huge.writeU64(1).writeU64(1).toByteArray();
    assertThrows(BcsException.class, () -> BcsReader.decode(overflow, ValidatorVerifier::decode));
  }

  @Test
  void constructionRefusesEmptySetsAndNonPositivePower() {
    assertThrows(IllegalArgumentException.class, () -> new ValidatorVerifier(Map.of()));
    Validator v = QuorumFixtures.validators(1).get(0);
    assertThrows(IllegalArgumentException.class, () -> new ValidatorConsensusInfo(v.key().publicKey(), 0));
  }
}
