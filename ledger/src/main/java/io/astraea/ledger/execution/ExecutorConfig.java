package io.astraea.ledger.execution;

import java.util.Objects;

/**
 * How the executor runs: whether it checks signatures itself (a node whose mempool already
 * verified them may skip the cost; replays of certified blocks may too) and the gas schedule.
 */
public record ExecutorConfig(boolean verifySignatures, GasSchedule gas) {
  public ExecutorConfig {
    Objects.requireNonNull(gas, "gas");
  }

  /** Signatures checked, Diem's gas bounds. */
  public static ExecutorConfig standard() {
    return new ExecutorConfig(true, GasSchedule.standard());
  }

  public ExecutorConfig withoutSignatureChecks() {
    return new ExecutorConfig(false, gas);
  }
}
