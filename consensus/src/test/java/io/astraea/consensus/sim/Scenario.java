package io.astraea.consensus.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Everything a simulation run depends on besides its seed: the nodes (several may share one
 * validator key: twins), leaders, partitions per round, message faults until a heal time,
 * crash-restart schedule, the safety rules variant and the adversary. Mutable while built by a
 * generator, then handed to {@link Simulation}.
 */
public final class Scenario {
  /** A crash of {@code node} at {@code atMs}, restarted at {@code restartMs} (never if < 0). */
  public record Crash(int node, long atMs, long restartMs) {}

  /** A partition of node indices active between two times (fault campaigns). */
  public record TimedPartition(long fromMs, long toMs, List<Set<Integer>> groups) {}

  public long seed;
  public int validators = 4;
  /** Validator key index of each node; a key used twice makes twins. */
  public List<Integer> nodeKeys = new ArrayList<>();
  /** Leader (validator index) of selected rounds; other rounds use round-robin. */
  public Map<Long, Integer> leaders = new TreeMap<>();
  /** Partitions (node index groups) by the sender's round, for rounds up to the heal time. */
  public Map<Long, List<Set<Integer>>> roundPartitions = new TreeMap<>();
  public List<TimedPartition> timedPartitions = new ArrayList<>();
  public List<Crash> crashes = new ArrayList<>();
  public double dropProbability;
  public double duplicateProbability;
  public long minDelayMs = 1;
  public long maxDelayMs = 10;
  public double longDelayProbability;
  public long longDelayMaxMs = 3000;
  /** After this time the network is perfect and partitions end. */
  public long healMs;
  /** How long after the heal every honest node has to commit {@link #livenessBlocks} blocks. */
  public long livenessBudgetMs = 60_000;
  public int livenessBlocks = 10;
  public SafetyVariant variant = SafetyVariant.CORRECT;
  /** Validator index of a Byzantine leader that proposes on a stale QC after a TC, or -1. */
  public int staleProposerKey = -1;
  /**
   * Validator index of a node whose proposals never reach anyone (it votes, times out and syncs as
   * usual: a broken or withholding proposer), or -1.
   */
  public int muteProposerKey = -1;
  public long reconfigEvery;
  public boolean realCrypto;
  /** Encode and decode every message, as the wire would. */
  public boolean wireCodec;
  public boolean reputationElection;
  public long roundTimeoutMs = 1000;

  public int nodes() {
    return nodeKeys.size();
  }

  /** Keys shared by two nodes or used by the adversary: not held to the honesty checks. */
  public Set<Integer> faultyKeys() {
    Set<Integer> faulty = new java.util.TreeSet<>();
    Set<Integer> seen = new java.util.TreeSet<>();
    for (int k : nodeKeys) {
      if (!seen.add(k)) {
        faulty.add(k);
      }
    }
    if (staleProposerKey >= 0) {
      faulty.add(staleProposerKey);
    }
    if (muteProposerKey >= 0) {
      faulty.add(muteProposerKey);
    }
    for (Crash c : crashes) {
      if (c.restartMs() < 0) {
        faulty.add(nodeKeys.get(c.node()));
      }
    }
    return faulty;
  }

  @Override
  public String toString() {
    return "Scenario{seed="
        + seed
        + ", nodes="
        + nodeKeys
        + ", leaders="
        + leaders
        + ", roundPartitions="
        + roundPartitions
        + ", timedPartitions="
        + timedPartitions
        + ", crashes="
        + crashes
        + ", drop="
        + dropProbability
        + ", dup="
        + duplicateProbability
        + ", delay="
        + minDelayMs
        + ".."
        + maxDelayMs
        + ", long="
        + longDelayProbability
        + ", heal="
        + healMs
        + ", variant="
        + variant
        + ", stale="
        + staleProposerKey
        + ", mute="
        + muteProposerKey
        + "}";
  }
}
