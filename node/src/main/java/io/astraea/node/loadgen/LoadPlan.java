package io.astraea.node.loadgen;

import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * What one load run does: where to send, how many accounts and transfers, how fast, and how
 * long to wait. Checked on construction so a run never starts with an impossible plan.
 *
 * @param endpoints JSON-RPC URLs; transfers are submitted round-robin over them
 * @param faucet the faucet's {@code /mint} URL
 * @param accounts how many sender accounts to create and fund
 * @param transactions how many transfers to submit in total
 * @param ratePerSec submission rate cap over all accounts; 0 means as fast as the window allows
 * @param duration stop submitting after this long (transfers already submitted still count)
 * @param window how many transfers one account may have submitted but not yet committed
 * @param submitters how many threads submit concurrently
 * @param commitTimeout how long a submitted transfer may take to commit before it counts as lost
 */
public record LoadPlan(
    List<URI> endpoints,
    URI faucet,
    int accounts,
    int transactions,
    double ratePerSec,
    Duration duration,
    int window,
    int submitters,
    Duration commitTimeout) {
  public static final int DEFAULT_WINDOW = 8;
  public static final int DEFAULT_SUBMITTERS = 16;
  public static final Duration DEFAULT_COMMIT_TIMEOUT = Duration.ofSeconds(60);
  /** Units sent per transfer; each account is funded for all its transfers. */
  public static final long TRANSFER_AMOUNT = 1;
  public static final String CURRENCY = "XUS";

  public LoadPlan {
    endpoints = List.copyOf(endpoints);
    if (endpoints.isEmpty()) {
      throw new IllegalArgumentException("at least one JSON-RPC endpoint is needed");
    }
    if (accounts < 2) {
      throw new IllegalArgumentException("at least 2 accounts are needed to send transfers, not " + accounts);
    }
    if (transactions < 1) {
      throw new IllegalArgumentException("transactions must be positive, not " + transactions);
    }
    if (ratePerSec < 0 || Double.isNaN(ratePerSec)) {
      throw new IllegalArgumentException("rate must not be negative");
    }
    if (duration.isNegative() || duration.isZero()) {
      throw new IllegalArgumentException("duration must be positive");
    }
    if (window < 1 || submitters < 1) {
      throw new IllegalArgumentException("window and submitters must be positive");
    }
    if (commitTimeout.isNegative() || commitTimeout.isZero()) {
      throw new IllegalArgumentException("commit timeout must be positive");
    }
  }

  /** Base units each account needs: one transfer amount per transfer it may send, plus slack. */
  public long fundingPerAccount() {
    long perAccount = (transactions + accounts - 1) / accounts;
    return Math.max(1_000_000L, perAccount * TRANSFER_AMOUNT * 2);
  }
}
