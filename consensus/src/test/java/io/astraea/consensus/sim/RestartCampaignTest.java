package io.astraea.consensus.sim;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Fault schedules in which any number of validators, all of them at times, crash and restart
 * before the heal ({@link ScenarioGenerator#restarts}), with each leader election. What they
 * exercise: a validator resumes from its persisted recovery data (the highest timeout certificate
 * among it) and, with reputation, from the ledger's record of the epoch's committed blocks. Scale
 * with {@code -Dastraea.restarts.schedules=10000}, rerun with {@code -Dastraea.restarts.seed=S},
 * trace one schedule with {@code -Dastraea.restarts.replay=<scenario seed>} (and {@code
 * -Dastraea.sim.traceFromMs=T} to print three simulated seconds from T, {@code
 * -Dastraea.sim.traceForMs=D} to print D ms instead).
 */
class RestartCampaignTest {
  @Test
  void roundRobinResumesAfterRestartsOfAnyNumberOfValidators() {
    run(false, 20261129L);
  }

  @Test
  void reputationResumesAfterRestartsOfAnyNumberOfValidators() {
    run(true, 20261130L);
  }

  /**
   * Schedules of {@link ScenarioGenerator#restarts} (as it stands) that stalled for good when the
   * recovery data lacked the highest timeout certificate: restarted validators came back in a
   * round below the one their safety data had timed out in, and none could time out again.
   */
  @Test
  void schedulesThatStalledWithoutThePersistedTimeoutCertificate() {
    for (long seed : new long[] {9204998770237702067L, 8710416892344218855L, 3013515306224261539L,
        -2205545647263626257L, -1862484548309640058L, 1379211956894421371L}) {
      SimResult r = new Simulation(ScenarioGenerator.restarts(seed)).run();
      assertTrue(r.ok(), () -> "seed " + seed + ": " + r.violations());
    }
  }

  private static void run(boolean reputation, long defaultSeed) {
    Campaign.check("astraea.restarts", "restarts (" + (reputation ? "reputation" : "round-robin") + ")",
        1000, defaultSeed, Campaign.withElection(ScenarioGenerator::restarts, reputation));
  }
}
