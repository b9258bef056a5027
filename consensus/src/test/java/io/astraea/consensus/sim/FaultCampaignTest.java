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
    int count = (int) Campaign.longProperty("astraea.faults.schedules", 1000);
    long seed = Campaign.longProperty("astraea.faults.seed", 20261128L);
    long replay = Campaign.longProperty("astraea.faults.replay", 0);
    Campaign.Result r =
        replay != 0
            ? Campaign.replay(replay, ScenarioGenerator.faults(replay))
            : Campaign.run(seed, count, ScenarioGenerator::faults);
    System.out.println(
        "faults: " + r.scenarios() + " schedules, " + r.violations() + " violations, seed " + seed);
    r.failures().stream().limit(5).forEach(System.err::println);
    assertEquals(0, r.violations(), () -> String.join("\n", r.failures()));
  }
}
