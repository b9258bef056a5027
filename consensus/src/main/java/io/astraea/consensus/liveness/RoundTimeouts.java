package io.astraea.consensus.liveness;

import java.time.Duration;

/**
 * Round timeout policy: {@code base × 1.2^min(maxExponent, roundsSinceCommit)}. Rounds that do
 * not commit stretch the timeout so a slow network eventually has time to finish a round; the
 * cap keeps a healthy network from waiting long after a bad spell.
 */
public record RoundTimeouts(Duration base, double multiplier, int maxExponent) {
  public static final RoundTimeouts DEFAULT = new RoundTimeouts(Duration.ofMillis(1500), 1.2, 6);

  public RoundTimeouts {
    if (base.isNegative() || base.isZero() || multiplier < 1.0 || maxExponent < 0) {
      throw new IllegalArgumentException("invalid round timeout policy");
    }
  }

  public Duration timeoutFor(long roundsSinceCommit) {
    int exp = (int) Math.min(maxExponent, Math.max(0, roundsSinceCommit));
    return Duration.ofNanos((long) (base.toNanos() * Math.pow(multiplier, exp)));
  }
}
