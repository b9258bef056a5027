package io.astraea.consensus.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.LongFunction;

/**
 * Runs many generated scenarios. Scenario {@code i} of a campaign with base seed {@code S} has
 * seed {@code SplittableRandom(S)}'s {@code i}-th long, so the base seed replays the campaign and
 * each scenario's own seed replays that scenario alone.
 */
public final class Campaign {
  /** Campaign outcome: how many ran, and the failing scenarios' seeds and first violation. */
  public record Result(int scenarios, List<String> failures, long baseSeed, long simEvents) {
    public int violations() {
      return failures.size();
    }
  }

  private Campaign() {}

  public static Result run(long baseSeed, int count, LongFunction<Scenario> generator) {
    SplittableRandom seeds = new SplittableRandom(baseSeed);
    List<String> failures = new ArrayList<>();
    long events = 0;
    for (int i = 0; i < count; i++) {
      long seed = seeds.nextLong();
      Scenario s = generator.apply(seed);
      SimResult r;
      try {
        r = new Simulation(s).run();
      } catch (RuntimeException e) {
        failures.add("scenario seed " + seed + ": the simulation threw " + e + " at "
            + java.util.Arrays.toString(e.getStackTrace()).substring(0, 400) + "\n  " + s);
        continue;
      }
      events += r.events();
      if (!r.ok()) {
        failures.add("scenario seed " + seed + ": " + r.violations().get(0) + "\n  " + s);
      }
    }
    return new Result(count, failures, baseSeed, events);
  }

  /** Runs one scenario with every action of its first simulated seconds printed. */
  public static Result replay(long seed, Scenario s) {
    SimResult r = new Simulation(s).trace().run();
    System.out.println(r);
    List<String> failures = r.ok() ? List.of() : List.of("scenario seed " + seed + ": " + r.violations());
    return new Result(1, failures, seed, r.events());
  }

  /**
   * Runs the campaign that {@code -D<prefix>.schedules} (default {@code defaultCount}) and {@code
   * -D<prefix>.seed} (default {@code defaultSeed}) describe, or, with {@code -D<prefix>.replay=S},
   * scenario S alone and traced; prints the outcome under {@code label} and fails the calling test
   * on any violation, listing them.
   */
  public static void check(
      String prefix, String label, int defaultCount, long defaultSeed, LongFunction<Scenario> generator) {
    int count = (int) longProperty(prefix + ".schedules", defaultCount);
    long seed = longProperty(prefix + ".seed", defaultSeed);
    long replay = longProperty(prefix + ".replay", 0);
    Result r = replay != 0 ? replay(replay, generator.apply(replay)) : run(seed, count, generator);
    System.out.println(label + ": " + r.scenarios() + " schedules, " + r.violations() + " violations, seed " + seed);
    r.failures().stream().limit(5).forEach(System.err::println);
    org.junit.jupiter.api.Assertions.assertEquals(0, r.violations(), () -> String.join("\n", r.failures()));
  }

  /** {@code generator} with {@link Scenario#reputationElection} set as given. */
  public static LongFunction<Scenario> withElection(LongFunction<Scenario> generator, boolean reputation) {
    return seed -> {
      Scenario s = generator.apply(seed);
      s.reputationElection = reputation;
      return s;
    };
  }

  public static long longProperty(String name, long defaultValue) {
    String v = System.getProperty(name);
    return v == null || v.isBlank() ? defaultValue : Long.parseLong(v.trim());
  }
}
