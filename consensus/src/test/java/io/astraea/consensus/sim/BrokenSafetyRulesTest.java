package io.astraea.consensus.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.function.LongFunction;
import org.junit.jupiter.api.Test;

/**
 * Tests the simulator itself: three deliberately broken safety rules must each be caught within
 * a fixed scenario budget, while the correct rules pass the very same scenarios.
 */
class BrokenSafetyRulesTest {
  private static final int BUDGET = 300;

  /** Faults with some messages delayed past a round timeout, so late proposals arrive. */
  private static Scenario lateMessages(long seed, SafetyVariant variant) {
    Scenario s = ScenarioGenerator.faults(seed);
    s.variant = variant;
    s.longDelayProbability = Math.max(s.longDelayProbability, 0.05);
    return s;
  }

  /** Faults with f nodes crashing and restarting while messages are late. */
  private static Scenario crashes(long seed, SafetyVariant variant) {
    Scenario s = lateMessages(seed, variant);
    Random r = new Random(seed ^ 0x5DEECE66DL);
    s.crashes.clear();
    int f = (s.validators - 1) / 3;
    for (int i = 0; i < f; i++) {
      long at = r.nextInt((int) s.healMs);
      s.crashes.add(new Scenario.Crash(i, at, at + 200 + r.nextInt(2_000)));
    }
    return s;
  }

  private static Optional<String> firstViolation(LongFunction<Scenario> generator) {
    SplittableRandom seeds = new SplittableRandom(20261128L);
    for (int i = 0; i < BUDGET; i++) {
      long seed = seeds.nextLong();
      SimResult r = new Simulation(generator.apply(seed)).run();
      if (!r.ok()) {
        return Optional.of("scenario " + i + " seed " + seed + ": " + r.violations().get(0));
      }
    }
    return Optional.empty();
  }

  @Test
  void skippingTheLastVotedRoundCheckIsCaught() {
    Optional<String> v =
        firstViolation(seed -> lateMessages(seed, SafetyVariant.SKIP_LAST_VOTED_ROUND));
    System.out.println("broken SKIP_LAST_VOTED_ROUND: " + v.orElse("not detected"));
    assertTrue(v.isPresent());
    assertTrue(v.get().contains("voted in round"), v.get());
  }

  @Test
  void skippingTheTwoChainRuleIsCaught() {
    Optional<String> v =
        firstViolation(
            seed -> {
              Scenario s = ScenarioGenerator.staleLeader(seed, 12);
              s.variant = SafetyVariant.SKIP_TWO_CHAIN_RULE;
              return s;
            });
    System.out.println("broken SKIP_TWO_CHAIN_RULE: " + v.orElse("not detected"));
    assertTrue(v.isPresent());
    assertTrue(v.get().contains("agreement"), v.get());
  }

  @Test
  void losingSafetyDataOnRestartIsCaught() {
    Optional<String> v = firstViolation(seed -> crashes(seed, SafetyVariant.LOSE_SAFETY_DATA));
    System.out.println("broken LOSE_SAFETY_DATA: " + v.orElse("not detected"));
    assertTrue(v.isPresent());
  }

  @Test
  void correctRulesPassTheStaleLeaderScenarios() {
    int count = (int) Campaign.longProperty("astraea.staleleader.scenarios", 150);
    Campaign.Result r =
        Campaign.run(20261128L, count, seed -> ScenarioGenerator.staleLeader(seed, 12));
    System.out.println(
        "stale-leader: " + r.scenarios() + " scenarios, " + r.violations() + " violations");
    assertEquals(0, r.violations(), () -> String.join("\n", r.failures()));
  }

  @Test
  void correctRulesPassTheCrashScenarios() {
    Campaign.Result r = Campaign.run(20261128L, 100, seed -> crashes(seed, SafetyVariant.CORRECT));
    assertEquals(0, r.violations(), () -> String.join("\n", r.failures()));
  }
}
