package io.astraea.consensus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.astraea.consensus.blocks.ExecutedBlock;
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
import io.astraea.crypto.Sha3;
import io.astraea.crypto.bcs.BcsReader;
import io.astraea.crypto.bcs.BcsWriter;
import io.astraea.crypto.quorum.BlockInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What a restart resumes from: the root plus the certified blocks above it. */
class RecoveryDataTest {
  private final TestChain chain = new TestChain();
  private final List<Block> blocks = new ArrayList<>();
  private final List<ExecutedBlock> executed = new ArrayList<>();
  private final List<QuorumCert> qcs = new ArrayList<>();

  /** Rounds 1..n proposed by validator 1 and certified by 1, 2 and 3. */
  private void grow(int n) {
    QuorumCert qc = chain.genesisQc();
    for (long r = 1; r <= n; r++) {
      Block b = chain.proposal(1, r, qc);
      ExecutedBlock e = chain.execute(b);
      qc = chain.certify(e, 1, 2, 3);
      blocks.add(b);
      executed.add(e);
      qcs.add(qc);
    }
  }

  private ConsensusCore core(RecoveryData start, Executor executor) {
    SafetyRules rules =
        new SafetyRules(chain.signer(0), new InMemorySafetyStorage(), chain.checker);
    ConsensusConfig config = ConsensusConfig.builder().election(ConsensusConfig.roundRobin()).build();
    SimExecutor payloads = new SimExecutor(0, 0, chain.keys.verifier());
    return new ConsensusCore(config, start, rules, payloads, executor, chain.checker);
  }

  private ConsensusCore startedAtGenesis() {
    ConsensusCore c = core(chain.genesis, new SimExecutor(0, 0, chain.keys.verifier()));
    c.handle(new Event.Start(0));
    return c;
  }

  @Test
  void carriesTheCertifiedChildAndARestartRebuildsItFromTheBytes() throws Exception {
    grow(3);
    ConsensusCore c = startedAtGenesis();
    // round 3's proposal carries round 2's certificate, which commits round 1
    SyncInfo si = new SyncInfo(qcs.get(1), Optional.of(qcs.get(1)), Optional.empty());
    List<Action> out = c.handle(new Event.MessageReceived(chain.address(3),
        new ProposalMsg(chain.proposal(3, 3, qcs.get(1)), si), 10_000));
    assertTrue(out.contains(new Action.Send(chain.address(3), new BlockRetrievalRequest(blocks.get(1).id(), 2))));
    out = c.handle(new Event.MessageReceived(chain.address(3), new BlockRetrievalResponse(
        BlockRetrievalStatus.SUCCEEDED, List.of(blocks.get(1), blocks.get(0))), 20_000));
    Action.Commit commit = out.stream().filter(a -> a instanceof Action.Commit)
        .map(a -> (Action.Commit) a).findFirst().orElseThrow();
    RecoveryData saved = commit.recovery();
    assertEquals(blocks.get(0).id(), saved.root().id());
    assertEquals(List.of(blocks.get(1)), saved.certifiedBlocks());
    assertEquals(List.of(qcs.get(1)), saved.certificates());

    BcsWriter w = new BcsWriter();
    saved.serializeCertified(w);
    RecoveryData bare = new RecoveryData(saved.epochState(), saved.root(), saved.rootQc(), saved.commitCert());
    RecoveryData loaded = BcsReader.decode(w.toByteArray(), bare::withCertifiedFrom);
    assertEquals(saved, loaded);

    // a fresh process: its executor knows only the committed root
    StrictExecutor fresh = new StrictExecutor(
        new SimExecutor(0, 0, chain.keys.verifier()), loaded.root().info());
    ConsensusCore restarted = core(loaded, fresh);
    restarted.handle(new Event.Start(20_000));
    assertEquals(qcs.get(1), restarted.syncInfo().highestQuorumCert());
    assertEquals(3, restarted.currentRound());
    assertEquals(0, fresh.refusals());
  }

  @Test
  void theHighestTimeoutCertificateIsPersistedAndARestartResumesInTheRoundItOpened() throws Exception {
    grow(2);
    ConsensusCore c = startedAtGenesis();
    SyncInfo certified = new SyncInfo(qcs.get(1), Optional.of(qcs.get(1)), Optional.empty());
    c.handle(new Event.MessageReceived(chain.address(3), certified, 10_000));
    c.handle(new Event.MessageReceived(chain.address(3), new BlockRetrievalResponse(
        BlockRetrievalStatus.SUCCEEDED, List.of(blocks.get(1), blocks.get(0))), 20_000));
    assertEquals(3, c.currentRound());

    // rounds 3 and 4 end by timeout: this node's safety data now holds round 5's timeout
    var tc3 = chain.timeoutCert(3, qcs.get(1), 1, 2, 3);
    c.handle(new Event.MessageReceived(chain.address(3),
        new SyncInfo(qcs.get(1), Optional.of(qcs.get(1)), Optional.of(tc3)), 30_000));
    var tc4 = chain.timeoutCert(4, qcs.get(1), 1, 2, 3);
    List<Action> out = c.handle(new Event.MessageReceived(chain.address(3),
        new SyncInfo(qcs.get(1), Optional.of(qcs.get(1)), Optional.of(tc4)), 40_000));
    assertEquals(5, c.currentRound());
    RecoveryData saved = out.stream().filter(a -> a instanceof Action.Persist)
        .map(a -> ((Action.Persist) a).recovery()).findFirst().orElseThrow();
    assertEquals(Optional.of(tc4), saved.highestTimeoutCert());

    BcsWriter w = new BcsWriter();
    saved.serializeTimeoutCert(w);
    RecoveryData bare = new RecoveryData(saved.epochState(), saved.root(), saved.rootQc(),
        saved.commitCert(), saved.certifiedBlocks(), saved.certificates());
    RecoveryData loaded = BcsReader.decode(w.toByteArray(), bare::withTimeoutCertFrom);
    assertEquals(saved, loaded);

    ConsensusCore restarted = core(loaded, new SimExecutor(0, 0, chain.keys.verifier()));
    restarted.handle(new Event.Start(50_000));
    assertEquals(5, restarted.currentRound());
    assertEquals(Optional.of(tc4), restarted.syncInfo().highestTimeoutCert());
    // without it, the restart would resume in round 3, below what its safety data allows
    ConsensusCore without = core(bare, new SimExecutor(0, 0, chain.keys.verifier()));
    without.handle(new Event.Start(50_000));
    assertEquals(3, without.currentRound());

    // a certificate of another epoch, or one that does not verify, is not restored
    var forged = new io.astraea.consensus.types.TwoChainTimeoutCertificate(
        tc4.timeout(), chain.timeoutCert(4, qcs.get(0), 1, 2, 3).signatures());
    RecoveryData bad = new RecoveryData(saved.epochState(), saved.root(), saved.rootQc(),
        saved.commitCert(), saved.certifiedBlocks(), saved.certificates(), Optional.of(forged));
    ConsensusCore refused = core(bad, new SimExecutor(0, 0, chain.keys.verifier()));
    refused.handle(new Event.Start(50_000));
    assertEquals(3, refused.currentRound());
  }

  @Test
  void aCertificateThatDisagreesWithReExecutionIsNotRestored() {
    grow(2);
    ExecutedBlock genuine = executed.get(1);
    BlockInfo i = genuine.info();
    ExecutedBlock wrongState = new ExecutedBlock(genuine.block(), new BlockInfo(i.epoch(), i.round(),
        i.id(), Sha3.hash(new byte[] {9}), i.version(), i.timestampUsecs(), i.nextEpochState()));
    QuorumCert forged = chain.certify(wrongState, 1, 2, 3);
    RecoveryData bad = new RecoveryData(chain.epoch, executed.get(0), qcs.get(0), qcs.get(1),
        List.of(blocks.get(1)), List.of(forged));
    ConsensusCore c = core(bad, new SimExecutor(0, 0, chain.keys.verifier()));
    c.handle(new Event.Start(0));
    // the forged certificate certifies a state re-execution does not reach: it is not used
    assertEquals(qcs.get(1), c.syncInfo().highestQuorumCert());
  }

  @Test
  void ownProposalMissingABlockAsksAnotherSignerInsteadOfItself() {
    grow(4);
    // an old record without the certified block: root round 3, commit certificate for round 4
    RecoveryData old = new RecoveryData(chain.epoch, executed.get(2), qcs.get(2), qcs.get(3));
    ConsensusCore c = core(old, new SimExecutor(0, 0, chain.keys.verifier()));
    List<Action> out = c.handle(new Event.Start(1_000_000));
    assertEquals(4, c.currentRound());
    assertTrue(out.contains(
        new Action.Send(chain.address(1), new BlockRetrievalRequest(blocks.get(3).id(), 1))), out.toString());
  }
}
