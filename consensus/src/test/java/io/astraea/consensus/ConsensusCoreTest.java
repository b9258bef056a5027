package io.astraea.consensus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.astraea.consensus.blocks.ExecutedBlock;
import io.astraea.consensus.safety.InMemorySafetyStorage;
import io.astraea.consensus.safety.SafetyRules;
import io.astraea.consensus.sim.SimExecutor;
import io.astraea.consensus.sim.TestChain;
import io.astraea.consensus.types.Block;
import io.astraea.consensus.types.ConsensusMsg;
import io.astraea.consensus.types.Payload;
import io.astraea.consensus.types.ProposalMsg;
import io.astraea.consensus.types.QuorumCert;
import io.astraea.consensus.types.SyncInfo;
import io.astraea.consensus.types.TimeoutMsg;
import io.astraea.consensus.types.TwoChainTimeout;
import io.astraea.consensus.types.Vote;
import io.astraea.consensus.types.VoteMsg;
import io.astraea.crypto.AccountAddress;
import io.astraea.crypto.quorum.VerifyException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The core driven by hand: one validator, real signatures, events in and actions out. */
class ConsensusCoreTest {
  private static final long SECOND = 1_000_000;
  private final TestChain chain = new TestChain();
  private boolean idle;

  private ConsensusCore core(int validator) {
    SimExecutor exec = new SimExecutor(validator, 0, chain.keys.verifier());
    PayloadSource payloads = (round, pending) -> idle ? Payload.EMPTY : exec.pull(round, pending);
    SafetyRules rules =
        new SafetyRules(chain.signer(validator), new InMemorySafetyStorage(), chain.checker);
    ConsensusConfig config = ConsensusConfig.builder().election(ConsensusConfig.roundRobin()).build();
    return new ConsensusCore(config, chain.genesis, rules, payloads, exec, chain.checker);
  }

  private static List<Action> deliver(ConsensusCore c, AccountAddress from, ConsensusMsg m, long now) {
    return c.handle(new Event.MessageReceived(from, m, now));
  }

  private SyncInfo genesisSync() {
    return new SyncInfo(chain.genesisQc(), Optional.of(chain.genesisQc()), Optional.empty());
  }

  @Test
  void votesForTheLeadersProposalAndSendsTheVoteToTheNextLeader() {
    ConsensusCore c = core(0);
    List<Action> start = c.handle(new Event.Start(0));
    assertEquals(1, c.currentRound());
    assertTrue(start.contains(new Action.ScheduleTimeout(1, 1, Duration.ofMillis(1500))));
    Block b1 = chain.proposal(1, 1, chain.genesisQc());
    List<Action> out = deliver(c, chain.address(1), new ProposalMsg(b1, genesisSync()), 10);
    Action.Send send = (Action.Send) out.get(0);
    assertEquals(chain.address(2), send.to());
    Vote v = ((VoteMsg) send.message()).vote();
    assertEquals(b1.id(), v.voteData().proposed().id());
  }

  @Test
  void equivocatingProposalsAreCountedNotVotedAndNeverCrash() {
    ConsensusCore c = core(0);
    c.handle(new Event.Start(0));
    Block b1 = chain.proposal(1, 1, chain.genesisQc());
    Block twin = chain.proposal(1, 1, chain.genesisQc(), new byte[] {7, 7});
    assertEquals(1, deliver(c, chain.address(1), new ProposalMsg(b1, genesisSync()), 10).size());
    List<Action> second = deliver(c, chain.address(1), new ProposalMsg(twin, genesisSync()), 20);
    assertEquals(List.of(), second);
    assertEquals(1, c.counters().equivocatingProposals());
    assertEquals(1, c.counters().votes());
  }

  @Test
  void badMessagesAreCountedByKind() {
    ConsensusCore c = core(0);
    c.handle(new Event.Start(0));
    Block b1 = chain.proposal(1, 1, chain.genesisQc());
    Block forged = new Block(b1.data(), Optional.of(chain.signer(2).sign(new byte[] {1})));
    assertEquals(List.of(), deliver(c, chain.address(1), new ProposalMsg(forged, genesisSync()), 1));
    assertEquals(1, c.counters().rejected(VerifyException.Kind.INVALID_SIGNATURE));
    // A proposal from a validator who does not lead round 1.
    Block wrongLeader = chain.proposal(3, 1, chain.genesisQc());
    assertEquals(List.of(), deliver(c, chain.address(3), new ProposalMsg(wrongLeader, genesisSync()), 2));
    assertEquals(1, c.counters().invalidProposers());
    // A vote relayed by someone other than its author.
    Vote v = chain.vote(1, chain.execute(b1));
    deliver(c, chain.address(3), new VoteMsg(v, genesisSync()), 3);
    assertEquals(1, c.counters().rejected(VerifyException.Kind.INCONSISTENT));
  }

  /** Validator 2 leads round 2: it forms the QC of round 1 from votes and proposes on it. */
  private List<Action> formQcAsLeaderOfRound2(ConsensusCore c, long now) {
    c.handle(new Event.Start(0));
    Block b1 = chain.proposal(1, 1, chain.genesisQc());
    ExecutedBlock e1 = chain.execute(b1);
    deliver(c, chain.address(1), new ProposalMsg(b1, genesisSync()), now);
    deliver(c, chain.address(0), new VoteMsg(chain.vote(0, e1), genesisSync()), now);
    deliver(c, chain.address(1), new VoteMsg(chain.vote(1, e1), genesisSync()), now);
    return deliver(c, chain.address(3), new VoteMsg(chain.vote(3, e1), genesisSync()), now);
  }

  @Test
  void aBusyLeaderProposesAsSoonAsTheQcForms() {
    ConsensusCore c = core(2);
    List<Action> out = formQcAsLeaderOfRound2(c, 1000);
    assertEquals(2, c.currentRound());
    ProposalMsg p = out.stream().filter(a -> a instanceof Action.Broadcast)
        .map(a -> (ProposalMsg) ((Action.Broadcast) a).message()).findFirst().orElseThrow();
    assertEquals(2, p.proposal().round());
    assertEquals(1, p.proposal().quorumCert().round());
    assertTrue(!p.proposal().payload().isEmpty());
  }

  @Test
  void anIdleLeaderStillProposesAboutOnceASecond() {
    idle = true;
    ConsensusCore c = core(2);
    long parentTs = chain.proposal(1, 1, chain.genesisQc()).timestampUsecs();
    List<Action> out = formQcAsLeaderOfRound2(c, parentTs + 100_000);
    assertTrue(out.stream().noneMatch(a -> a instanceof Action.Broadcast));
    assertTrue(out.stream().anyMatch(a -> a instanceof Action.ScheduleProposal));
    List<Action> early = c.handle(new Event.ProposalTimer(1, 2, parentTs + SECOND / 2));
    assertTrue(early.stream().noneMatch(a -> a instanceof Action.Broadcast));
    List<Action> due = c.handle(new Event.ProposalTimer(1, 2, parentTs + SECOND));
    ProposalMsg p = due.stream().filter(a -> a instanceof Action.Broadcast)
        .map(a -> (ProposalMsg) ((Action.Broadcast) a).message()).findFirst().orElseThrow();
    assertTrue(p.proposal().payload().isEmpty());
    assertEquals(parentTs + SECOND, p.proposal().timestampUsecs());
  }

  @Test
  void localTimeoutBroadcastsASignedTimeoutAndQuorumOfTimeoutsAdvancesTheRound() {
    ConsensusCore c = core(0);
    c.handle(new Event.Start(0));
    List<Action> out = c.handle(new Event.LocalTimeout(1, 1, 2 * SECOND));
    TimeoutMsg mine = (TimeoutMsg) ((Action.Broadcast) out.get(0)).message();
    assertEquals(1, mine.round());
    assertTrue(out.contains(new Action.ScheduleTimeout(1, 1, Duration.ofMillis(1500))));
    for (int v = 1; v <= 2; v++) {
      TwoChainTimeout t = new TwoChainTimeout(1, 1, chain.genesisQc());
      deliver(c, chain.address(v),
          new TimeoutMsg(t, chain.address(v), chain.signer(v).sign(t.signingMessage()), genesisSync()),
          2 * SECOND);
    }
    assertEquals(2, c.currentRound());
    assertTrue(c.syncInfo().highestTimeoutCert().isPresent());
    // A stale timer for round 1 does nothing now.
    assertEquals(List.of(), c.handle(new Event.LocalTimeout(1, 1, 3 * SECOND)));
  }

  @Test
  void missingAncestorsAreFetchedFromTheSender() {
    ConsensusCore c = core(0);
    c.handle(new Event.Start(0));
    Block b1 = chain.proposal(1, 1, chain.genesisQc());
    ExecutedBlock e1 = chain.execute(b1);
    QuorumCert qc1 = chain.certify(e1, 1, 2, 3);
    Block b2 = chain.proposal(2, 2, qc1);
    SyncInfo si = new SyncInfo(qc1, Optional.of(chain.genesisQc()), Optional.empty());
    List<Action> out = deliver(c, chain.address(2), new ProposalMsg(b2, si), 10);
    Action.Send req = (Action.Send) out.get(0);
    assertEquals(chain.address(2), req.to());
    assertEquals(new io.astraea.consensus.types.BlockRetrievalRequest(b1.id(), 1), req.message());
    List<Action> after = deliver(c, chain.address(2),
        new io.astraea.consensus.types.BlockRetrievalResponse(
            io.astraea.consensus.types.BlockRetrievalStatus.SUCCEEDED, List.of(b1)), 20);
    assertEquals(2, c.currentRound());
    assertTrue(after.stream().anyMatch(a -> a instanceof Action.Send s
        && s.message() instanceof VoteMsg v && v.vote().round() == 2));
  }
}
