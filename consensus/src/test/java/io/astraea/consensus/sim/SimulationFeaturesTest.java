package io.astraea.consensus.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The simulator's other modes: real crypto on the wire, replay, epochs, reputation. */
class SimulationFeaturesTest {
  private static Scenario healthy(long seed, int n) {
    Scenario s = new Scenario();
    s.seed = seed;
    s.validators = n;
    for (int i = 0; i < n; i++) {
      s.nodeKeys.add(i);
    }
    return s;
  }

  @Test
  void realEd25519AndTheWireCodecEndToEnd() {
    for (long seed = 1; seed <= 3; seed++) {
      Scenario s = ScenarioGenerator.faults(seed);
      s.realCrypto = true;
      s.wireCodec = true;
      s.livenessBlocks = 5;
      SimResult r = new Simulation(s).run();
      assertTrue(r.ok(), r.violations().toString());
    }
  }

  @Test
  void aSeedReplaysExactly() {
    SimResult a = new Simulation(ScenarioGenerator.twins(42, 10)).run();
    SimResult b = new Simulation(ScenarioGenerator.twins(42, 10)).run();
    assertEquals(a, b);
    SimResult c = new Simulation(ScenarioGenerator.twins(43, 10)).run();
    assertTrue(a.events() != c.events() || a.simTimeMs() != c.simTimeMs());
  }

  @Test
  void epochsChangeWhenAReconfigurationCommits() {
    Scenario s = healthy(7, 4);
    s.reconfigEvery = 6;
    s.livenessBlocks = 40;
    s.dropProbability = 0.05;
    s.healMs = 2_000;
    SimResult r = new Simulation(s).run();
    assertTrue(r.ok(), r.violations().toString());
    assertTrue(r.highestEpoch() >= 4, "reached epoch " + r.highestEpoch());
  }

  @Test
  void aLaggingNodeCatchesUpAcrossEpochs() {
    Scenario s = healthy(8, 4);
    s.reconfigEvery = 4;
    s.livenessBlocks = 12;
    s.crashes = new ArrayList<>(List.of(new Scenario.Crash(3, 100, 6_000)));
    s.healMs = 7_000;
    SimResult r = new Simulation(s).run();
    assertTrue(r.ok(), r.violations().toString());
  }

  @Test
  void reputationPassesOverACrashedValidator() {
    SimResult rr = crashedValidator(false);
    SimResult rep = crashedValidator(true);
    assertTrue(rr.ok(), rr.violations().toString());
    assertTrue(rep.ok(), rep.violations().toString());
    assertTrue(rep.localTimeouts() * 2 < rr.localTimeouts(),
        "reputation " + rep.localTimeouts() + " timeouts vs round-robin " + rr.localTimeouts());
  }

  /**
   * After a validator crashes mid-run, reputation must never take longer than round-robin to
   * commit 30 more blocks, in any of 100 schedules. A weighted random draw failed this (worst case
   * 105 s against round-robin's 50 s): while nothing commits the crashed validator stays in the
   * history, and a draw can go many rounds without the three live leaders in a row a commit needs.
   */
  @Test
  void afterACrashReputationIsNeverSlowerThanRoundRobin() {
    long[] rr = timesToCommitAfterACrash(false);
    long[] rep = timesToCommitAfterACrash(true);
    assertTrue(rep[1] <= rr[1], "worst case: reputation " + rep[1] + " ms, round-robin " + rr[1] + " ms");
    assertTrue(rep[0] * 3 < rr[0] * 2, "mean: reputation " + rep[0] + " ms, round-robin " + rr[0] + " ms");
  }

  /** Mean and worst time (ms) from a crash to 30 commits by every live node, over 100 schedules. */
  private static long[] timesToCommitAfterACrash(boolean reputation) {
    long sum = 0;
    long max = 0;
    for (long seed = 1; seed <= 100; seed++) {
      Scenario s = healthy(seed, 4);
      s.reputationElection = reputation;
      s.roundTimeoutMs = 1500;
      long crash = 2000 + seed * 37;
      s.crashes = new ArrayList<>(List.of(new Scenario.Crash((int) (seed % 4), crash, -1)));
      s.healMs = crash;
      s.livenessBlocks = 30;
      s.livenessBudgetMs = 120_000;
      SimResult r = new Simulation(s).run();
      assertTrue(r.ok(), r.violations().toString());
      sum += r.simTimeMs() - crash;
      max = Math.max(max, r.simTimeMs() - crash);
    }
    return new long[] {sum / 100, max};
  }

  /**
   * A validator that votes but whose proposals never reach anyone costs two round timeouts at each
   * of its turns. Round-robin gives it one round in four; reputation, once twenty blocks show that
   * its proposals never commit, one in forty.
   */
  @Test
  void reputationPutsAValidatorThatNeverProposesOnProbation() {
    for (long seed = 1; seed <= 3; seed++) {
      SimResult rr = withMuteProposer(seed, false);
      SimResult rep = withMuteProposer(seed, true);
      assertTrue(rr.ok(), rr.violations().toString());
      assertTrue(rep.ok(), rep.violations().toString());
      assertTrue(rep.simTimeMs() * 4 < rr.simTimeMs(),
          "200 blocks: reputation " + rep.simTimeMs() + " ms, round-robin " + rr.simTimeMs() + " ms");
    }
  }

  private static SimResult withMuteProposer(long seed, boolean reputation) {
    Scenario s = healthy(seed, 4);
    s.reputationElection = reputation;
    s.roundTimeoutMs = 1500;
    s.muteProposerKey = (int) (seed % 4);
    s.livenessBlocks = 200;
    s.livenessBudgetMs = 600_000;
    return new Simulation(s).run();
  }

  private static SimResult crashedValidator(boolean reputation) {
    Scenario s = healthy(9, 4);
    s.reputationElection = reputation;
    s.crashes = new ArrayList<>(List.of(new Scenario.Crash(2, 0, -1)));
    s.healMs = 30_000;
    s.livenessBlocks = 20;
    return new Simulation(s).run();
  }
}
