package io.astraea.consensus.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

/**
 * Generates scenarios from a seed, so any failing one is reproduced from the seed alone.
 *
 * <p>Twins: four validators plus a twin of validator 0 (five nodes, two sharing a key); for each
 * of the first {@code rounds} rounds a random partition of the five nodes into two or three
 * groups, and a leader drawn mostly from the twinned key. Faults: four or seven validators, and
 * a window of drops, duplicates, delays (some long enough to reorder across rounds), changing
 * partitions and crash-restarts of up to f nodes. Restarts: the same faults, but any number of the
 * validators (all of them, at times) crash and restart before the heal, as when an operator
 * restarts a whole network.
 */
public final class ScenarioGenerator {
  private ScenarioGenerator() {}

  public static Scenario twins(long seed, int rounds) {
    Random r = new Random(seed);
    Scenario s = new Scenario();
    s.seed = seed;
    s.validators = 4;
    s.nodeKeys = new ArrayList<>(List.of(0, 1, 2, 3, 0));
    for (long round = 1; round <= rounds; round++) {
      s.leaders.put(round, r.nextInt(3) < 2 ? 0 : 1 + r.nextInt(3));
      s.roundPartitions.put(round, randomPartition(r, 5, 2 + r.nextInt(2)));
    }
    s.minDelayMs = 1;
    s.maxDelayMs = 20;
    s.healMs = rounds * 1500L;
    s.livenessBudgetMs = 60_000;
    return s;
  }

  public static Scenario faults(long seed) {
    Random r = new Random(seed);
    Scenario s = new Scenario();
    s.seed = seed;
    s.validators = r.nextBoolean() ? 4 : 7;
    for (int i = 0; i < s.validators; i++) {
      s.nodeKeys.add(i);
    }
    int f = (s.validators - 1) / 3;
    s.healMs = 3_000 + r.nextInt(12_000);
    s.dropProbability = r.nextDouble() * 0.3;
    s.duplicateProbability = r.nextDouble() * 0.2;
    s.minDelayMs = 1;
    s.maxDelayMs = 5 + r.nextInt(300);
    s.longDelayProbability = r.nextDouble() * 0.05;
    s.longDelayMaxMs = 3_000;
    int partitions = r.nextInt(3);
    for (int p = 0; p < partitions; p++) {
      long from = r.nextInt((int) s.healMs);
      long to = Math.min(s.healMs, from + 500 + r.nextInt(4_000));
      s.timedPartitions.add(
          new Scenario.TimedPartition(from, to, randomPartition(r, s.validators, 2 + r.nextInt(2))));
    }
    int crashes = r.nextInt(f + 1);
    Set<Integer> crashed = new TreeSet<>();
    for (int c = 0; c < crashes; c++) {
      int node = r.nextInt(s.validators);
      if (!crashed.add(node)) {
        continue;
      }
      long at = r.nextInt((int) s.healMs);
      long restart = at + r.nextInt((int) Math.max(1, s.healMs - at));
      s.crashes.add(new Scenario.Crash(node, at, restart));
    }
    s.livenessBudgetMs = 60_000;
    return s;
  }

  /**
   * {@link #faults} with its crashes replaced: each validator, with even odds, crashes at a random
   * time and restarts before the heal, so more than f may be down (no progress) or freshly
   * restarted at once.
   */
  public static Scenario restarts(long seed) {
    Scenario s = faults(seed);
    Random r = new Random(~seed);
    s.crashes.clear();
    for (int node = 0; node < s.validators; node++) {
      if (r.nextBoolean()) {
        long at = r.nextInt((int) s.healMs);
        long restart = at + r.nextInt((int) Math.max(1, s.healMs - at));
        s.crashes.add(new Scenario.Crash(node, at, restart));
      }
    }
    return s;
  }

  /**
   * {@link #faults} with one validator, drawn at random, whose proposals never reach anyone, before
   * the heal and after it (it votes, times out and catches up as usual).
   */
  public static Scenario muteProposer(long seed) {
    Scenario s = faults(seed);
    s.muteProposerKey = new Random(seed ^ 0x6d757465L).nextInt(s.validators);
    return s;
  }

  /**
   * Four validators, the last one a Byzantine leader that proposes on a stale certificate after
   * every timeout certificate and votes for its own block. Each of the first {@code rounds}
   * rounds is left whole, cuts that round's round-robin leader off (so its proposal is lost and
   * the next rounds run on a timeout certificate), or splits the nodes randomly.
   */
  public static Scenario staleLeader(long seed, int rounds) {
    Random r = new Random(seed);
    Scenario s = new Scenario();
    s.seed = seed;
    s.validators = 4;
    s.nodeKeys = new ArrayList<>(List.of(0, 1, 2, 3));
    s.staleProposerKey = 3;
    for (long round = 1; round <= rounds; round++) {
      double kind = r.nextDouble();
      if (kind < 0.4) {
        int cut = (int) (round % 4);
        Set<Integer> rest = new TreeSet<>(List.of(0, 1, 2, 3));
        rest.remove(cut);
        s.roundPartitions.put(round, List.of(Set.of(cut), rest));
      } else if (kind < 0.5) {
        s.roundPartitions.put(round, randomPartition(r, 4, 2 + r.nextInt(2)));
      }
    }
    s.minDelayMs = 1;
    s.maxDelayMs = 20;
    s.healMs = rounds * 1500L;
    return s;
  }

  /** Splits {@code nodes} into exactly {@code groups} non-empty random groups. */
  static List<Set<Integer>> randomPartition(Random r, int nodes, int groups) {
    List<Integer> order = new ArrayList<>();
    for (int n = 0; n < nodes; n++) {
      order.add(n);
    }
    java.util.Collections.shuffle(order, r);
    List<Set<Integer>> out = new ArrayList<>();
    for (int g = 0; g < groups; g++) {
      out.add(new TreeSet<>());
    }
    for (int i = 0; i < nodes; i++) {
      out.get(i < groups ? i : r.nextInt(groups)).add(order.get(i));
    }
    return out;
  }
}
