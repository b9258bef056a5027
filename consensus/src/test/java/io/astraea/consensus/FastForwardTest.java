package io.astraea.consensus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.astraea.consensus.blocks.ExecutedBlock;
import io.astraea.consensus.liveness.CommitRecord;
import io.astraea.consensus.liveness.ProposerElection;
import io.astraea.consensus.liveness.RoundRobinElection;
import io.astraea.consensus.safety.InMemorySafetyStorage;
import io.astraea.consensus.safety.SafetyRules;
import io.astraea.consensus.sim.SimExecutor;
import io.astraea.consensus.sim.StrictExecutor;
import io.astraea.consensus.sim.TestChain;
import io.astraea.consensus.types.Block;
import io.astraea.consensus.types.BlockRetrievalRequest;
import io.astraea.consensus.types.BlockRetrievalResponse;
import io.astraea.consensus.types.BlockRetrievalStatus;
import io.astraea.consensus.types.ProposalMsg;
import io.astraea.consensus.types.QuorumCert;
import io.astraea.consensus.types.SyncInfo;
import io.astraea.crypto.AccountAddress;
import io.astraea.crypto.quorum.BlockInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A node far behind jumps ahead by state sync. The block certified on top of the synced root can
 * only be executed once the ledger holds that root, so the core must execute it after the sync,
 * on the very next event, not in the same step that asked for the sync (where an executor with
 * the node's discipline refuses it) and not a round later.
 */
class FastForwardTest {
  private final TestChain chain = new TestChain();

  @Test
  void certifiedBlockIsInsertedRightAfterTheSync() {
    SimExecutor inner = new SimExecutor(0, 0, chain.keys.verifier());
    StrictExecutor executor = new StrictExecutor(inner, chain.genesisBlock().info());
    SafetyRules rules =
        new SafetyRules(chain.signer(0), new InMemorySafetyStorage(), chain.checker);
    ConsensusConfig config = ConsensusConfig.builder()
        .election(ConsensusConfig.roundRobin()).maxRetrievalBlocks(2).build();
    ConsensusCore core = new ConsensusCore(config, chain.genesis, rules, inner, executor, chain.checker);
    core.handle(new Event.Start(0));

    // Rounds 1..5 happened without this node; round 5's certificate commits round 4.
    List<Block> blocks = new ArrayList<>();
    QuorumCert qc = chain.genesisQc();
    for (long r = 1; r <= 5; r++) {
      Block b = chain.proposal(1, r, qc);
      ExecutedBlock e = chain.execute(b);
      qc = chain.certify(e, 1, 2, 3);
      blocks.add(b);
    }
    Block b4 = blocks.get(3);
    Block b5 = blocks.get(4);
    Block b6 = chain.proposal(2, 6, qc);
    SyncInfo si = new SyncInfo(qc, Optional.of(qc), Optional.empty());
    List<Action> out = core.handle(new Event.MessageReceived(chain.address(2), new ProposalMsg(b6, si), 10_000));
    assertTrue(out.contains(new Action.Send(chain.address(2), new BlockRetrievalRequest(b5.id(), 2))));

    List<Action> sync = core.handle(new Event.MessageReceived(chain.address(2),
        new BlockRetrievalResponse(BlockRetrievalStatus.SUCCEEDED, List.of(b5, b4)), 20_000));
    Action.SyncTo syncTo = sync.stream()
        .filter(a -> a instanceof Action.SyncTo).map(a -> (Action.SyncTo) a).findFirst().orElseThrow();
    assertEquals(b4.id(), core.committedInfo().id());
    assertEquals(0, executor.refusals(), "the certified block was executed before the sync");

    // the node carries out the sync, then hands the core its next event (here a stale timer)
    executor.committed(syncTo.target().ledgerInfo().commitInfo());
    core.handle(new Event.LocalTimeout(1, 1, 30_000));
    assertEquals(5, core.syncInfo().highestQuorumCert().round());
    assertEquals(b5.id(), core.syncInfo().highestQuorumCert().certifiedBlock().id());
    assertEquals(6, core.currentRound());
    assertEquals(0, executor.refusals());
    assertEquals(1, core.counters().fastForwards());
  }

  /**
   * After the sync the ledger holds blocks this core never committed itself: leader election's
   * history is re-read from it on the next event, before the round goes on.
   */
  @Test
  void electionHistoryIsReadFromTheLedgerOnceTheSyncIsDone() {
    SimExecutor inner = new SimExecutor(0, 0, chain.keys.verifier());
    StrictExecutor strict = new StrictExecutor(inner, chain.genesisBlock().info());
    List<CommitRecord> ledger = new ArrayList<>();
    Executor executor = new Executor() {
      @Override
      public ExecutionResult execute(Block block, BlockInfo parent) throws ExecutionException {
        return strict.execute(block, parent);
      }

      @Override
      public List<CommitRecord> committedHistory(long epoch, int limit) {
        return List.copyOf(ledger);
      }
    };
    List<List<CommitRecord>> restored = new ArrayList<>();
    ProposerElection rr = new RoundRobinElection(List.copyOf(chain.epoch.verifier().addresses()), 1);
    ProposerElection spy = new ProposerElection() {
      @Override
      public AccountAddress proposer(long round) {
        return rr.proposer(round);
      }

      @Override
      public int historyNeeded() {
        return 10;
      }

      @Override
      public void restoreHistory(List<CommitRecord> committed) {
        restored.add(List.copyOf(committed));
      }
    };
    SafetyRules rules = new SafetyRules(chain.signer(0), new InMemorySafetyStorage(), chain.checker);
    ConsensusConfig config = ConsensusConfig.builder().election(s -> spy).maxRetrievalBlocks(2).build();
    ConsensusCore core = new ConsensusCore(config, chain.genesis, rules, inner, executor, chain.checker);
    core.handle(new Event.Start(0));
    assertEquals(List.of(List.of()), restored, "read once at start, from an empty ledger");

    List<Block> blocks = new ArrayList<>();
    QuorumCert qc = chain.genesisQc();
    for (long r = 1; r <= 5; r++) {
      Block b = chain.proposal(1, r, qc);
      qc = chain.certify(chain.execute(b), 1, 2, 3);
      blocks.add(b);
    }
    SyncInfo si = new SyncInfo(qc, Optional.of(qc), Optional.empty());
    core.handle(new Event.MessageReceived(chain.address(2), new ProposalMsg(chain.proposal(2, 6, qc), si), 10_000));
    List<Action> sync = core.handle(new Event.MessageReceived(chain.address(2),
        new BlockRetrievalResponse(BlockRetrievalStatus.SUCCEEDED, List.of(blocks.get(4), blocks.get(3))), 20_000));
    Action.SyncTo syncTo = sync.stream()
        .filter(a -> a instanceof Action.SyncTo).map(a -> (Action.SyncTo) a).findFirst().orElseThrow();
    assertEquals(1, restored.size(), "not before the ledger holds the synced blocks");

    // the node carries out the sync: its ledger now holds rounds 1..4
    strict.committed(syncTo.target().ledgerInfo().commitInfo());
    blocks.subList(0, 4).forEach(b -> ledger.add(CommitRecord.of(b)));
    core.handle(new Event.LocalTimeout(1, 1, 30_000));
    assertEquals(2, restored.size());
    assertEquals(ledger, restored.get(1));
  }
}
