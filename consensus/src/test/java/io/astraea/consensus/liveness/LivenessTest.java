package io.astraea.consensus.liveness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.astraea.consensus.blocks.ExecutedBlock;
import io.astraea.consensus.sim.TestChain;
import io.astraea.consensus.types.Block;
import io.astraea.consensus.types.QuorumCert;
import io.astraea.consensus.types.TwoChainTimeout;
import io.astraea.crypto.AccountAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LivenessTest {
  private final TestChain chain = new TestChain();

  @Test
  void timeoutsGrowByTwentyPercentPerRoundWithoutCommitUpToSixTimes() {
    RoundTimeouts t = new RoundTimeouts(Duration.ofMillis(1000), 1.2, 6);
    assertEquals(Duration.ofMillis(1000), t.timeoutFor(0));
    assertEquals(Duration.ofMillis(1200), t.timeoutFor(1));
    assertEquals(1000 * Math.pow(1.2, 6), t.timeoutFor(6).toNanos() / 1e6, 0.001);
    assertEquals(t.timeoutFor(6), t.timeoutFor(40));
    assertEquals(t.timeoutFor(0), t.timeoutFor(-3));
  }

  @Test
  void roundStateEntersTheRoundAfterTheHighestCertificate() {
    RoundState rs = new RoundState(RoundTimeouts.DEFAULT, chain.epoch.verifier());
    assertEquals(Optional.of(RoundTimeouts.DEFAULT.base()), rs.processCertificates(0, 0, 0));
    assertEquals(1, rs.currentRound());
    assertEquals(Optional.empty(), rs.processCertificates(0, 0, 0));
    // Round 5 entered by a TC of round 4 with the last commit at round 1: 2 rounds stretched.
    assertTrue(rs.processCertificates(2, 4, 1).isPresent());
    assertEquals(5, rs.currentRound());
    assertEquals(RoundTimeouts.DEFAULT.timeoutFor(2), rs.currentTimeout());
  }

  @Test
  void roundRobinTakesTurnsInAddressOrder() {
    RoundRobinElection e = new RoundRobinElection(List.copyOf(chain.epoch.verifier().addresses()), 2);
    assertEquals(chain.address(0), e.proposer(0));
    assertEquals(chain.address(0), e.proposer(1));
    assertEquals(chain.address(1), e.proposer(2));
    assertEquals(chain.address(0), e.proposer(8));
  }

  @Test
  void reputationPassesOverAValidatorAbsentFromRecentCommitsUntilCommitsStop() {
    List<AccountAddress> vs = List.copyOf(chain.epoch.verifier().addresses());
    ReputationElection e = new ReputationElection(vs, 10, 2, 20);
    RoundRobinElection rr = new RoundRobinElection(vs, 1);
    assertEquals(rr.proposer(5), e.proposer(5)); // no history yet: round-robin
    Set<AccountAddress> voters = Set.of(vs.get(0), vs.get(1), vs.get(2));
    for (long r = 1; r <= 30; r++) {
      e.onCommit(new CommitRecord(r, Optional.of(vs.get((int) (r % 3))), voters));
    }
    // Rounds 32..42 see commits up to round 30 (lag 2): the three active validators take turns.
    for (long r = 32; r <= 42; r++) {
      assertEquals(vs.get((int) (r % 3)), e.proposer(r), "round " + r);
    }
    // Nothing committed for more than the window's worth of rounds: round-robin over all again.
    for (long r = 43; r <= 50; r++) {
      assertEquals(rr.proposer(r), e.proposer(r), "round " + r);
    }
  }

  @Test
  void reputationPutsAnActiveValidatorWhoseProposalsNeverCommitOnProbation() {
    List<AccountAddress> vs = List.copyOf(chain.epoch.verifier().addresses());
    AccountAddress silent = vs.get(3);
    ReputationElection e = new ReputationElection(vs, 10, 2, 20);
    // Validator 3 signs every certificate but none of the committed blocks is its own.
    for (long r = 1; r <= 12; r++) {
      e.onCommit(new CommitRecord(r, Optional.of(vs.get((int) (r % 3))), Set.copyOf(vs)));
    }
    // Twelve blocks (fewer than the proposer window of 20): too few to tell, it keeps its turns.
    assertEquals(silent, e.proposer(15));
    for (long r = 13; r <= 100; r++) {
      e.onCommit(new CommitRecord(r, Optional.of(vs.get((int) (r % 3))), Set.copyOf(vs)));
    }
    for (long r = 81; r <= 102; r++) {
      AccountAddress expected = r % 20 == 0 ? silent : vs.get((int) (r % 3));
      assertEquals(expected, e.proposer(r), "round " + r);
    }
    // It proposes on its probation round, that block commits: it takes turns again.
    e.onCommit(new CommitRecord(101, Optional.of(silent), Set.copyOf(vs)));
    for (long r = 103; r <= 110; r++) {
      assertEquals(vs.get((int) (r % 4)), e.proposer(r), "round " + r);
    }
  }

  @Test
  void restoredHistoryPicksTheLeadersOfTheHistoryLearntCommitByCommit() {
    List<AccountAddress> vs = List.copyOf(chain.epoch.verifier().addresses());
    ReputationElection running = new ReputationElection(vs, 10, 2, 20);
    List<CommitRecord> committed = new java.util.ArrayList<>();
    for (long r = 1; r <= 100; r++) {
      // validator 3 stops taking part from round 60 on
      Set<AccountAddress> voters = r < 60 ? Set.copyOf(vs) : Set.of(vs.get(0), vs.get(1), vs.get(2));
      CommitRecord c = new CommitRecord(r, Optional.of(vs.get((int) (r % (r < 60 ? 4 : 3)))), voters);
      running.onCommit(c);
      committed.add(c);
    }
    assertEquals(42, running.historyNeeded());
    // A restarted validator: it learnt rounds 1..30 before it stopped, then reads the ledger's
    // latest records; what it learnt before is replaced, not merged.
    ReputationElection restarted = new ReputationElection(vs, 10, 2, 20);
    committed.subList(0, 30).forEach(restarted::onCommit);
    restarted.restoreHistory(committed.subList(100 - restarted.historyNeeded(), 100));
    ReputationElection stale = new ReputationElection(vs, 10, 2, 20);
    committed.subList(0, 30).forEach(stale::onCommit);
    int differ = 0;
    for (long r = 102; r <= 112; r++) { // while the history is fresh (lag 2, window 10)
      assertEquals(running.proposer(r), restarted.proposer(r), "round " + r);
      differ += running.proposer(r).equals(stale.proposer(r)) ? 0 : 1;
    }
    assertTrue(differ > 0, "the stale history must lead elsewhere for the test to mean anything");
    // An empty ledger (a new epoch) falls back to round-robin.
    restarted.restoreHistory(List.of());
    assertEquals(new RoundRobinElection(vs, 1).proposer(7), restarted.proposer(7));
  }

  @Test
  void pendingVotesFormAQuorumCertificateAndSpotEquivocation() {
    Block b1 = chain.proposal(1, 1, chain.genesisQc());
    ExecutedBlock e1 = chain.execute(b1);
    ExecutedBlock other = chain.execute(chain.proposal(1, 1, chain.genesisQc(), new byte[] {9}));
    PendingVotes pv = new PendingVotes(chain.epoch.verifier());
    assertInstanceOf(PendingVotes.Outcome.Added.class, pv.insertVote(chain.vote(0, e1)));
    assertInstanceOf(PendingVotes.Outcome.Duplicate.class, pv.insertVote(chain.vote(0, e1)));
    assertInstanceOf(PendingVotes.Outcome.Equivocation.class, pv.insertVote(chain.vote(0, other)));
    assertInstanceOf(PendingVotes.Outcome.Added.class, pv.insertVote(chain.vote(1, e1)));
    var formed = pv.insertVote(chain.vote(2, e1));
    QuorumCert qc = assertInstanceOf(PendingVotes.Outcome.QcFormed.class, formed).qc();
    assertEquals(e1.info(), qc.certifiedBlock());
    assertEquals(3, qc.signedLedgerInfo().signatures().size());
  }

  @Test
  void timeoutCertificateCarriesTheHighestReportedQc() throws Exception {
    ExecutedBlock e1 = chain.execute(chain.proposal(1, 1, chain.genesisQc()));
    QuorumCert qc1 = chain.certify(e1, 0, 1, 2);
    PendingVotes pv = new PendingVotes(chain.epoch.verifier());
    TwoChainTimeout low = new TwoChainTimeout(1, 2, chain.genesisQc());
    TwoChainTimeout high = new TwoChainTimeout(1, 2, qc1);
    pv.insertTimeout(chain.address(0), low, chain.signer(0).sign(low.signingMessage()));
    pv.insertTimeout(chain.address(1), high, chain.signer(1).sign(high.signingMessage()));
    var out = pv.insertTimeout(chain.address(2), low, chain.signer(2).sign(low.signingMessage()));
    var tc = assertInstanceOf(PendingVotes.Outcome.TcFormed.class, out).tc();
    assertEquals(1, tc.highestHqcRound());
    tc.verify(chain.epoch.verifier(), chain.checker);
  }
}
