package io.astraea.consensus.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * Twins: four validators plus a twin of validator 0, random two- or three-way partitions for each
 * of the first ten rounds, leaders mostly the twinned key. No honest node may break agreement or
 * double-sign, and all must make progress once the partitions heal. Scale with
 * {@code -Dastraea.twins.scenarios=100000}; rerun a campaign with {@code -Dastraea.twins.seed=S}
 * or one failing scenario, traced, with {@code -Dastraea.twins.replay=<scenario seed>}.
 */
class TwinsCampaignTest {
  @Test
  void twinsScenariosFindNoViolation() {
    int count = (int) Campaign.longProperty("astraea.twins.scenarios", 1000);
    long seed = Campaign.longProperty("astraea.twins.seed", 20261128L);
    int rounds = (int) Campaign.longProperty("astraea.twins.rounds", 10);
    long replay = Campaign.longProperty("astraea.twins.replay", 0);
    Campaign.Result r =
        replay != 0
            ? Campaign.replay(replay, ScenarioGenerator.twins(replay, rounds))
            : Campaign.run(seed, count, s -> ScenarioGenerator.twins(s, rounds));
    System.out.println(
        "twins: " + r.scenarios() + " scenarios, " + r.violations() + " violations, seed " + seed);
    r.failures().stream().limit(5).forEach(System.err::println);
    assertEquals(0, r.violations(), () -> String.join("\n", r.failures()));
  }
}
