package io.astraea.node.net;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * Redial delays: the initial delay doubling after each failure up to a cap, each scaled by a jitter
 * factor in [0.8, 1.0] so that validators restarted together do not redial in lock-step. Not
 * thread-safe; the owner synchronizes.
 */
final class Backoff {
  private final long initialMillis;
  private final long maxMillis;
  private final DoubleSupplier random;
  private int failures;

  Backoff(Duration initial, Duration max, DoubleSupplier random) {
    this.initialMillis = initial.toMillis();
    this.maxMillis = max.toMillis();
    this.random = random;
  }

  /** The delay before the next attempt; each call counts one more failure. */
  long nextDelayMillis() {
    long base = initialMillis;
    for (int i = 0; i < failures && base < maxMillis; i++) {
      base *= 2;
    }
    base = Math.min(base, maxMillis);
    if (failures < 62) {
      failures++;
    }
    return Math.max(1, (long) (base * (0.8 + 0.2 * random.getAsDouble())));
  }

  void reset() {
    failures = 0;
  }
}
