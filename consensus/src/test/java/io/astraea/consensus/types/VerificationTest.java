package io.astraea.consensus.types;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.astraea.consensus.blocks.ExecutedBlock;
import io.astraea.consensus.sim.TestChain;
import io.astraea.crypto.AccountAddress;
import io.astraea.crypto.CryptoMaterialException;
import io.astraea.crypto.Ed25519PrivateKey;
import io.astraea.crypto.Ed25519Signature;
import io.astraea.crypto.bcs.BcsException;
import io.astraea.crypto.bcs.BcsReader;
import io.astraea.crypto.bcs.BcsWriter;
import io.astraea.crypto.quorum.EpochState;
import io.astraea.crypto.quorum.LedgerInfoWithSignatures;
import io.astraea.crypto.quorum.VerifyException;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Each verification failure class, on real Ed25519 signatures. */
class VerificationTest {
  private final TestChain chain = new TestChain();
  private final Block b1 = chain.proposal(1, 1, chain.genesisQc());
  private final ExecutedBlock e1 = chain.execute(b1);
  private final QuorumCert qc1 = chain.certify(e1, 0, 1, 2);

  private VerifyException.Kind failure(QuorumCert qc) {
    return assertThrows(VerifyException.class,
        () -> qc.verify(chain.epoch.verifier(), chain.checker)).kind();
  }

  private QuorumCert withSignatures(QuorumCert qc, TreeMap<AccountAddress, Ed25519Signature> sigs) {
    return new QuorumCert(qc.voteData(),
        LedgerInfoWithSignatures.of(qc.signedLedgerInfo().ledgerInfo(), sigs));
  }

  @Test
  void wellFormedCertificatesVerify() {
    assertDoesNotThrow(() -> qc1.verify(chain.epoch.verifier(), chain.checker));
    assertDoesNotThrow(() -> b1.verify(chain.epoch.verifier(), chain.checker));
    assertDoesNotThrow(() -> chain.genesisQc().verify(chain.epoch.verifier(), chain.checker));
  }

  @Test
  void badSignatureIsRejected() {
    TreeMap<AccountAddress, Ed25519Signature> sigs =
        new TreeMap<>(qc1.signedLedgerInfo().signatures());
    sigs.put(chain.address(2), chain.signer(2).sign(new byte[] {1, 2, 3}));
    assertEquals(VerifyException.Kind.INVALID_SIGNATURE, failure(withSignatures(qc1, sigs)));
  }

  @Test
  void badProposalSignatureIsRejected() {
    Block forged = new Block(b1.data(), Optional.of(chain.signer(2).sign(b1.data().signingMessage())));
    VerifyException e = assertThrows(VerifyException.class,
        () -> forged.verify(chain.epoch.verifier(), chain.checker));
    assertEquals(VerifyException.Kind.INVALID_SIGNATURE, e.kind());
  }

  @Test
  void unknownAuthorIsRejected() throws CryptoMaterialException {
    AccountAddress stranger = AccountAddress.fromHex("0xBAD");
    Ed25519PrivateKey key = Ed25519PrivateKey.fromSeed(new byte[32]);
    TreeMap<AccountAddress, Ed25519Signature> sigs =
        new TreeMap<>(qc1.signedLedgerInfo().signatures());
    sigs.put(stranger, key.sign(qc1.ledgerInfo().signingMessage()));
    assertEquals(VerifyException.Kind.UNKNOWN_AUTHOR, failure(withSignatures(qc1, sigs)));

    Vote vote = chain.vote(1, e1);
    Vote strangers = new Vote(vote.voteData(), stranger, vote.ledgerInfo(),
        key.sign(vote.ledgerInfo().signingMessage()), Optional.empty());
    assertEquals(VerifyException.Kind.UNKNOWN_AUTHOR, assertThrows(VerifyException.class,
        () -> strangers.verify(chain.epoch.verifier(), chain.checker)).kind());
  }

  @Test
  void certificateUnderQuorumIsRejected() {
    QuorumCert two = chain.certify(e1, 0, 1);
    assertEquals(VerifyException.Kind.TOO_LITTLE_VOTING_POWER, failure(two));
    TwoChainTimeoutCertificate tc = chain.timeoutCert(2, qc1, 0, 3);
    assertEquals(VerifyException.Kind.TOO_LITTLE_VOTING_POWER, assertThrows(VerifyException.class,
        () -> tc.verify(chain.epoch.verifier(), chain.checker)).kind());
  }

  @Test
  void duplicateSignerIsRejected() {
    VerifyException e = assertThrows(VerifyException.class,
        () -> chain.epoch.verifier().checkVotingPower(
            List.of(chain.address(0), chain.address(1), chain.address(1))));
    assertEquals(VerifyException.Kind.DUPLICATE_SIGNER, e.kind());
    // On the wire a signer twice is a non-canonical map, refused by the decoder.
    byte[] bytes = qc1.toBcs();
    byte[] dup = duplicateFirstSignature(qc1);
    assertDoesNotThrow(() -> BcsReader.decode(bytes, QuorumCert::decode));
    assertThrows(BcsException.class, () -> BcsReader.decode(dup, QuorumCert::decode));
  }

  private static byte[] duplicateFirstSignature(QuorumCert qc) {
    BcsWriter w = new BcsWriter();
    qc.voteData().serialize(w);
    w.writeVariant(0);
    qc.ledgerInfo().serialize(w);
    var sigs = qc.signedLedgerInfo().signatures();
    var first = sigs.entrySet().iterator().next();
    w.writeUleb128(sigs.size() + 1);
    first.getKey().serialize(w);
    first.getValue().serialize(w);
    for (var e : sigs.entrySet()) {
      e.getKey().serialize(w);
      e.getValue().serialize(w);
    }
    return w.toByteArray();
  }

  @Test
  void wrongEpochIsRejected() {
    Block b2 = chain.proposal(2, 2, qc1);
    SyncInfo si = new SyncInfo(qc1, Optional.empty(), Optional.empty());
    ProposalMsg ok = new ProposalMsg(b2, si);
    assertDoesNotThrow(() -> ok.verify(chain.epoch.verifier(), chain.checker));
    // The same certificates presented as a proposal of epoch 2.
    BlockData other = new BlockData(2, 2, b2.timestampUsecs(), qc1, b2.data().blockType());
    Block b2e2 = new Block(other, Optional.of(chain.signer(2).sign(other.signingMessage())));
    VerifyException e = assertThrows(VerifyException.class,
        () -> new ProposalMsg(b2e2, si).verify(chain.epoch.verifier(), chain.checker));
    assertEquals(VerifyException.Kind.WRONG_EPOCH, e.kind());
    EpochChangeProof proof = new EpochChangeProof(List.of(qc1.signedLedgerInfo()), false);
    VerifyException p = assertThrows(VerifyException.class,
        () -> proof.verify(new EpochState(7, chain.epoch.verifier()), chain.checker));
    assertEquals(VerifyException.Kind.WRONG_EPOCH, p.kind());
  }

  @Test
  void inconsistentContentIsRejected() {
    Vote v = chain.vote(1, e1);
    Vote mismatched = new Vote(new VoteData(v.voteData().proposed(), v.voteData().proposed()),
        v.author(), v.ledgerInfo(), v.signature(), Optional.empty());
    assertEquals(VerifyException.Kind.INCONSISTENT, assertThrows(VerifyException.class,
        () -> mismatched.verify(chain.epoch.verifier(), chain.checker)).kind());
    // A proposal whose round does not follow its certificate.
    Block b5 = chain.proposal(2, 5, qc1);
    SyncInfo si = new SyncInfo(qc1, Optional.empty(), Optional.empty());
    assertEquals(VerifyException.Kind.INCONSISTENT, assertThrows(VerifyException.class,
        () -> new ProposalMsg(b5, si).verify(chain.epoch.verifier(), chain.checker)).kind());
    // A timeout certificate whose embedded certificate is not the signers' highest.
    TwoChainTimeoutCertificate tc = chain.timeoutCert(2, qc1, 0, 1, 2);
    var lying = new TwoChainTimeoutCertificate(
        new TwoChainTimeout(1, 2, chain.genesisQc()), tc.signatures());
    assertEquals(VerifyException.Kind.INCONSISTENT, assertThrows(VerifyException.class,
        () -> lying.verify(chain.epoch.verifier(), chain.checker)).kind());
    assertDoesNotThrow(() -> tc.verify(chain.epoch.verifier(), chain.checker));
  }

  @Test
  void retrievalResponseMustAnswerTheRequest() {
    Block b2 = chain.proposal(2, 2, qc1);
    BlockRetrievalRequest req = new BlockRetrievalRequest(b2.id(), 2);
    var good = new BlockRetrievalResponse(BlockRetrievalStatus.SUCCEEDED, List.of(b2, b1));
    assertDoesNotThrow(() -> good.verify(req, chain.epoch.verifier(), chain.checker));
    var unchained = new BlockRetrievalResponse(BlockRetrievalStatus.SUCCEEDED, List.of(b1, b2));
    assertEquals(VerifyException.Kind.INCONSISTENT, assertThrows(VerifyException.class,
        () -> unchained.verify(req, chain.epoch.verifier(), chain.checker)).kind());
  }

  @Test
  void cachingCheckerStillRejectsForgeries() {
    SignatureChecker caching = new CachingSignatureChecker(SignatureChecker.ed25519(), 16);
    assertDoesNotThrow(() -> qc1.verify(chain.epoch.verifier(), caching));
    assertDoesNotThrow(() -> qc1.verify(chain.epoch.verifier(), caching));
    TreeMap<AccountAddress, Ed25519Signature> sigs =
        new TreeMap<>(qc1.signedLedgerInfo().signatures());
    sigs.put(chain.address(0), sigs.get(chain.address(1)));
    VerifyException e = assertThrows(VerifyException.class,
        () -> withSignatures(qc1, sigs).verify(chain.epoch.verifier(), caching));
    assertEquals(VerifyException.Kind.INVALID_SIGNATURE, e.kind());
  }
}
