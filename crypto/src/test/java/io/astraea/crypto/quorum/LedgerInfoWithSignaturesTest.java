package io.astraea.crypto.quorum;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.astraea.crypto.AccountAddress;
import io.astraea.crypto.CryptoHasher;
import io.astraea.crypto.Ed25519Signature;
import io.astraea.crypto.HashValue;
import io.astraea.crypto.Sha3;
import io.astraea.crypto.bcs.BcsException;
import io.astraea.crypto.bcs.BcsReader;
import io.astraea.crypto.quorum.QuorumFixtures.Validator;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class LedgerInfoWithSignaturesTest {
  private final List<Validator> vs = QuorumFixtures.validators(1, 1, 1, 1);
  private final ValidatorVerifier verifier = QuorumFixtures.verifier(vs);
  private final LedgerInfo li = QuorumFixtures.ledgerInfo(5, Optional.empty());

  @Test
  void quorumSignedLedgerInfoVerifies() throws Exception {
    LedgerInfoWithSignatures signed = QuorumFixtures.sign(li, vs.subList(0, 3));
    signed.verify(verifier);
    signed.verify(new EpochState(5, verifier));
  }

  @Test
  void wrongEpochIsRefusedBeforeSignatures() {
    LedgerInfoWithSignatures signed = QuorumFixtures.sign(li, vs);
    VerifyException e = assertThrows(VerifyException.class, () -> signed.verify(new EpochState(6, verifier)));
    assertEquals(VerifyException.Kind.WRONG_EPOCH, e.kind());
  }

  @Test
  void tooFewOrForgedSignaturesAreRefused() {
    assertEquals(VerifyException.Kind.TOO_LITTLE_VOTING_POWER,
        assertThrows(VerifyException.class, () -> QuorumFixtures.sign(li, vs.subList(0, 2)).verify(verifier)).kind());
    // Signatures over one ledger info attached to another (a different version).
    LedgerInfo other = new LedgerInfo(
        new BlockInfo(5, 7, li.commitInfo().id(), li.commitInfo().executedStateId(), 43,
            li.commitInfo().timestampUsecs(), Optional.empty()),
        HashValue.ZERO);
    LedgerInfoWithSignatures moved = LedgerInfoWithSignatures.of(other, QuorumFixtures.sign(li, vs).signatures());
    assertEquals(VerifyException.Kind.INVALID_SIGNATURE,
        assertThrows(VerifyException.class, () -> moved.verify(verifier)).kind());
  }

  @Test
  void signingMessageAndHashUseTheLedgerInfoDomain() {
    byte[] bcs = li.toBcs();
    CryptoHasher hasher = CryptoHasher.forType("LedgerInfo");
    assertArrayEquals(hasher.signingMessage(bcs), li.signingMessage());
    assertEquals(Sha3.hash(hasher.prefix(), bcs), li.hash());
    assertEquals(5, li.epoch());
    assertEquals(42, li.version());
    assertFalse(li.endsEpoch());
    assertTrue(QuorumFixtures.ledgerInfo(5, Optional.of(new EpochState(6, verifier))).endsEpoch());
  }

  @Test
  void blockInfoLayoutIsDiems() {
    byte[] bcs = li.commitInfo().toBcs();
    // epoch, round, id (0x20 + 32), executed_state_id (0x20 + 32), version, timestamp, option tag.
    assertEquals(8 + 8 + 33 + 33 + 8 + 8 + 1, bcs.length);
    assertEquals("0500000000000000" + "0700000000000000" + "20",
        HexFormat.of().formatHex(Arrays.copyOf(bcs, 17)));
    assertEquals(0, bcs[bcs.length - 1]);
    // The ledger info appends the consensus data hash, length-prefixed.
    assertEquals(bcs.length + 33, li.toBcs().length);
    assertEquals("414343554d554c41544f525f504c414345484f4c4445525f4841534800000000",
        BlockInfo.ACCUMULATOR_PLACEHOLDER_HASH.toHex());
  }

  @Test
  void bcsRoundTripIsV0WithSignaturesSortedByAddress() throws Exception {
    LedgerInfo ending = QuorumFixtures.ledgerInfo(5, Optional.of(new EpochState(6, verifier)));
    LedgerInfoWithSignatures signed = QuorumFixtures.sign(ending, List.of(vs.get(3), vs.get(1), vs.get(2)));
    byte[] bcs = signed.toBcs();
    assertEquals(0, bcs[0], "variant V0");
    LedgerInfoWithSignatures decoded = BcsReader.decode(bcs, LedgerInfoWithSignatures::decode);
    assertEquals(signed, decoded);
    assertArrayEquals(bcs, decoded.toBcs());
    assertEquals(List.of(vs.get(1).address(), vs.get(2).address(), vs.get(3).address()),
        List.copyOf(decoded.signatures().keySet()));
    decoded.verify(verifier);
    assertEquals(new EpochState(6, verifier), decoded.ledgerInfo().commitInfo().nextEpochState().orElseThrow());

    byte[] v1 = bcs.clone();
    v1[0] = 1;
    assertEquals(0, assertThrows(BcsException.class,
        () -> BcsReader.decode(v1, LedgerInfoWithSignatures::decode)).offset());
  }

  @Test
  void signatureMapIsCopiedAndSorted() {
    Map<AccountAddress, Ed25519Signature> sigs = new TreeMap<>(QuorumFixtures.sign(li, vs).signatures());
    LedgerInfoWithSignatures signed = LedgerInfoWithSignatures.of(li, sigs);
    sigs.clear();
    assertEquals(4, signed.signatures().size());
    assertThrows(UnsupportedOperationException.class, () -> signed.signatures().clear());
  }
}
