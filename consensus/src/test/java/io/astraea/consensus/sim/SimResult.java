package io.astraea.consensus.sim;

import java.util.List;

/**
 * Outcome of one simulation run: the violations found (empty if none), how far the simulated
 * clock went, how many events ran, the fewest blocks an honest node committed after the heal,
 * the local timeouts of the running cores and the highest epoch any node reached.
 */
public record SimResult(
    long seed,
    List<String> violations,
    long simTimeMs,
    long events,
    long minCommitsAfterHeal,
    long localTimeouts,
    long highestEpoch) {
  public SimResult {
    violations = List.copyOf(violations);
  }

  public boolean ok() {
    return violations.isEmpty();
  }
}
