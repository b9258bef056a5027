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
import io.astraea.consensus.types.ProposalMsg;
import io.astraea.consensus.types.QuorumCert;
import io.astraea.consensus.types.SyncInfo;
import io.astraea.consensus.types.TimeoutMsg;
import io.astraea.consensus.types.TwoChainTimeout;
import io.astraea.consensus.types.VoteMsg;
import io.astraea.crypto.bcs.BcsException;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Corrupted wire messages are either refused by the decoder with a typed exception or decode to
 * something the core verifies and drops: nothing an adversary sends crashes the core.
 */
class MalformedInputTest {
  private final TestChain chain = new TestChain();

  @Test
  void corruptedMessagesNeverCrashTheCore() {
    ExecutedBlock e1 = chain.execute(chain.proposal(1, 1, chain.genesisQc()));
    QuorumCert qc1 = chain.certify(e1, 0, 1, 2);
    Block b2 = chain.proposal(2, 2, qc1);
    SyncInfo si = new SyncInfo(qc1, Optional.of(qc1), Optional.of(chain.timeoutCert(1, chain.genesisQc(), 1, 2, 3)));
    TwoChainTimeout t = new TwoChainTimeout(1, 2, qc1);
    List<ConsensusMsg> valid = List.of(
        new ProposalMsg(b2, si),
        new VoteMsg(chain.vote(3, chain.execute(b2)), si),
        new TimeoutMsg(t, chain.address(3), chain.signer(3).sign(t.signingMessage()), si));
    SafetyRules rules = new SafetyRules(chain.signer(0), new InMemorySafetyStorage(), chain.checker);
    SimExecutor exec = new SimExecutor(0, 0, chain.keys.verifier());
    ConsensusCore core = new ConsensusCore(
        ConsensusConfig.builder().election(ConsensusConfig.roundRobin()).build(),
        chain.genesis, rules, exec, exec, chain.checker);
    core.handle(new Event.Start(0));
    Random random = new Random(99);
    int refused = 0;
    int decoded = 0;
    for (int i = 0; i < 300; i++) {
      byte[] wire = valid.get(i % valid.size()).encode();
      java.util.Set<Integer> positions = new java.util.TreeSet<>();
      int flips = 1 + random.nextInt(3);
      while (positions.size() < flips) {
        positions.add(random.nextInt(wire.length));
      }
      for (int p : positions) {
        wire[p] ^= (byte) (1 << random.nextInt(8));
      }
      ConsensusMsg m;
      try {
        m = ConsensusMsg.decode(wire);
      } catch (BcsException e) {
        refused++;
        continue;
      }
      decoded++;
      core.handle(new Event.MessageReceived(chain.address(1 + random.nextInt(3)), m, 1000));
    }
    assertEquals(300, refused + decoded);
    assertTrue(refused > 0 && decoded > 0, refused + " refused, " + decoded + " decoded");
    // Nothing forged got through: no vote was cast and the core is still in round 1 or 2.
    assertEquals(0, core.counters().votes());
    assertTrue(core.currentRound() <= 3);
  }
}
