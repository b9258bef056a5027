package io.astraea.consensus.safety;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.astraea.consensus.blocks.ExecutedBlock;
import io.astraea.consensus.sim.TestChain;
import io.astraea.consensus.types.Block;
import io.astraea.consensus.types.QuorumCert;
import io.astraea.consensus.types.TwoChainTimeout;
import io.astraea.consensus.types.TwoChainTimeoutCertificate;
import io.astraea.consensus.types.Vote;
import io.astraea.crypto.Ed25519Signature;
import io.astraea.crypto.bcs.BcsReader;
import io.astraea.crypto.quorum.EpochState;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SafetyRulesTest {
  private final TestChain chain = new TestChain();
  private RecordingStorage storage;
  private SafetyRules rules;

  // genesis <- b1 (r1) <- b2 (r2) ; b3 (r3) on b2 ; b4 (r4) on b1's QC after a TC of round 3
  private final ExecutedBlock e1 = chain.execute(chain.proposal(1, 1, chain.genesisQc()));
  private final QuorumCert qc1 = chain.certify(e1, 0, 1, 2);
  private final ExecutedBlock e2 = chain.execute(chain.proposal(2, 2, qc1));
  private final QuorumCert qc2 = chain.certify(e2, 0, 1, 2);

  /** Storage that records what was durable at each store. */
  static final class RecordingStorage implements SafetyStorage {
    final List<SafetyData> stores = new ArrayList<>();

    @Override
    public SafetyData load() {
      return stores.isEmpty() ? null : stores.get(stores.size() - 1);
    }

    @Override
    public void store(SafetyData data) {
      stores.add(data);
    }
  }

  @BeforeEach
  void start() throws SafetyException {
    storage = new RecordingStorage();
    rules = new SafetyRules(chain.signer(0), storage, chain.checker);
    rules.startEpoch(chain.epoch);
  }

  @Test
  void votesPersistBeforeReturningAndCommitTheParentOnConsecutiveRounds() throws Exception {
    Vote v = rules.constructAndSignVote(e2.block(), e2.info(), Optional.empty());
    SafetyData durable = storage.load();
    assertEquals(Optional.of(v), durable.lastVote());
    assertEquals(2, durable.lastVotedRound());
    assertEquals(1, durable.oneChainRound());
    assertEquals(0, durable.preferredRound());
    assertEquals(e1.info(), v.ledgerInfo().commitInfo());
    assertDoesNotThrow(() -> v.verify(chain.epoch.verifier(), chain.checker));
    // What is stored decodes back to the same data.
    assertEquals(durable, BcsReader.decode(durable.toBcs(), SafetyData::decode));
  }

  @Test
  void theSameVoteIsResentForTheSameRound() throws Exception {
    Vote first = rules.constructAndSignVote(e2.block(), e2.info(), Optional.empty());
    Block other = chain.proposal(3, 2, qc1, new byte[] {42});
    ExecutedBlock eo = chain.execute(other);
    Vote again = rules.constructAndSignVote(eo.block(), eo.info(), Optional.empty());
    assertEquals(first, again);
  }

  @Test
  void noVoteAtOrBelowTheLastVotedRound() throws Exception {
    rules.constructAndSignVote(e2.block(), e2.info(), Optional.empty());
    SafetyException e = assertThrows(SafetyException.class,
        () -> rules.constructAndSignVote(e1.block(), e1.info(), Optional.empty()));
    assertEquals(SafetyException.Reason.ROUND_ALREADY_VOTED, e.reason());
  }

  @Test
  void noVoteInARoundAlreadyTimedOut() throws Exception {
    TwoChainTimeout t = new TwoChainTimeout(1, 2, qc1);
    rules.signTimeout(t, Optional.empty());
    SafetyException e = assertThrows(SafetyException.class,
        () -> rules.constructAndSignVote(e2.block(), e2.info(), Optional.empty()));
    assertEquals(SafetyException.Reason.ROUND_ALREADY_VOTED, e.reason());
    // Timing out the same round again is allowed (re-sent timeout).
    assertDoesNotThrow(() -> rules.signTimeout(t, Optional.empty()));
    assertEquals(2, storage.load().highestTimeoutRound());
  }

  @Test
  void twoChainRuleAfterATimeoutCertificate() throws Exception {
    // Round 3 timed out; its TC reports a QC of round 2.
    TwoChainTimeoutCertificate tc3 = chain.timeoutCert(3, qc2, 1, 2, 3);
    // A round-4 proposal on the round-1 QC violates qc.round >= tc.highest_hqc_round.
    ExecutedBlock stale = chain.execute(chain.proposal(0, 4, qc1));
    SafetyException e = assertThrows(SafetyException.class,
        () -> rules.constructAndSignVote(stale.block(), stale.info(), Optional.of(tc3)));
    assertEquals(SafetyException.Reason.NOT_SAFE_TO_VOTE, e.reason());
    // Without the TC the round does not follow the QC either.
    assertThrows(SafetyException.class,
        () -> rules.constructAndSignVote(stale.block(), stale.info(), Optional.empty()));
    // On the round-2 QC it is safe, and commits nothing (rounds not consecutive).
    ExecutedBlock fresh = chain.execute(chain.proposal(0, 4, qc2));
    Vote v = rules.constructAndSignVote(fresh.block(), fresh.info(), Optional.of(tc3));
    assertEquals(QuorumCert.EMPTY_COMMIT_INFO, v.ledgerInfo().commitInfo());
  }

  @Test
  void timeoutRuleNeedsTheOneChainRound() throws Exception {
    rules.constructAndSignVote(e2.block(), e2.info(), Optional.empty()); // one-chain round = 1
    TwoChainTimeout low = new TwoChainTimeout(1, 3, chain.genesisQc());
    SafetyException e = assertThrows(SafetyException.class,
        () -> rules.signTimeout(low, Optional.empty()));
    assertEquals(SafetyException.Reason.NOT_SAFE_TO_TIMEOUT, e.reason());
    // Round 3 with the round-2 QC follows the QC.
    Ed25519Signature s = rules.signTimeout(new TwoChainTimeout(1, 3, qc2), Optional.empty());
    assertNotEquals(null, s);
    assertEquals(3, storage.load().lastVotedRound());
  }

  @Test
  void proposalsOnlyAboveTheLastVotedRoundAndOnlyOwn() throws Exception {
    rules.constructAndSignVote(e2.block(), e2.info(), Optional.empty());
    Block mine = chain.proposal(0, 2, qc1);
    assertEquals(SafetyException.Reason.ROUND_ALREADY_VOTED, assertThrows(SafetyException.class,
        () -> rules.signProposal(mine.data())).reason());
    Block theirs = chain.proposal(1, 3, qc2);
    assertEquals(SafetyException.Reason.INVALID_PROPOSAL, assertThrows(SafetyException.class,
        () -> rules.signProposal(theirs.data())).reason());
    Block next = chain.proposal(0, 3, qc2);
    assertDoesNotThrow(() -> rules.signProposal(next.data()));
  }

  @Test
  void forgedCertificatesAreRefused() {
    QuorumCert weak = chain.certify(e1, 0, 1);
    ExecutedBlock on = chain.execute(chain.proposal(2, 2, weak));
    assertEquals(SafetyException.Reason.INVALID_PROPOSAL, assertThrows(SafetyException.class,
        () -> rules.constructAndSignVote(on.block(), on.info(), Optional.empty())).reason());
  }

  @Test
  void epochsOnlyMoveForward() throws Exception {
    rules.constructAndSignVote(e2.block(), e2.info(), Optional.empty());
    rules.startEpoch(new EpochState(2, chain.epoch.verifier()));
    assertEquals(SafetyData.initial(2), storage.load());
    SafetyRules stale = new SafetyRules(chain.signer(0), storage, chain.checker);
    assertThrows(SafetyException.class, () -> stale.startEpoch(chain.epoch));
    // A request of the old epoch is refused by the rules now in epoch 2.
    assertEquals(SafetyException.Reason.WRONG_EPOCH, assertThrows(SafetyException.class,
        () -> rules.constructAndSignVote(e2.block(), e2.info(), Optional.empty())).reason());
  }

  @Test
  void restartKeepsTheRules() throws Exception {
    rules.constructAndSignVote(e2.block(), e2.info(), Optional.empty());
    SafetyRules restarted = new SafetyRules(chain.signer(0), storage, chain.checker);
    restarted.startEpoch(chain.epoch);
    assertThrows(SafetyException.class,
        () -> restarted.constructAndSignVote(e1.block(), e1.info(), Optional.empty()));
    assertTrue(storage.stores.size() >= 2);
  }
}
