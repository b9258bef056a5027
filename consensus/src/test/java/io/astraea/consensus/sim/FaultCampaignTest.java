package io.astraea.consensus.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * Random fault schedules on four or seven validators: drops, duplicates, delays that reorder
 * across rounds, changing partitions and crash-restarts of up to f nodes, then a heal after which
 * every node must commit ten blocks. Scale with {@code -Dastraea.faults.schedules=100000}; rerun
 * a campaign with {@code -Dastraea.faults.seed=S} or one failing schedule, traced, with
 * {@code -Dastraea.faults.replay=<scenario seed>}.
 */
class FaultCampaignTest {
  @Test
  void faultSchedulesFindNoViolation() {
    run(false, 20261128L);
  }

  /** The same with reputation election, a production network's default. */
  @Test
  void faultSchedulesWithReputationElectionFindNoViolation() {
    run(true, 20261201L);
  }

  private static void run(boolean reputation, long defaultSeed) {
    int count = (int) Campaign.longProperty("astraea.faults.schedules", 1000);
    long seed = Campaign.longProperty("astraea.faults.seed", defaultSeed);
    long replay = Campaign.longProperty("astraea.faults.replay", 0);
    java.util.function.LongFunction<Scenario> generator = s -> {
      Scenario scenario = ScenarioGenerator.faults(s);
      scenario.reputationElection = reputation;
      return scenario;
    };
    Campaign.Result r =
        replay != 0 ? Campaign.replay(replay, generator.apply(replay)) : Campaign.run(seed, count, generator);
    System.out.println("faults (" + (reputation ? "reputation" : "round-robin") + "): " + r.scenarios()
        + " schedules, " + r.violations() + " violations, seed " + seed);
    r.failures().stream().limit(5).forEach(System.err::println);
    assertEquals(0, r.violations(), () -> String.join("\n", r.failures()));
  }
}
