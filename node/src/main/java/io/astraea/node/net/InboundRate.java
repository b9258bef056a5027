package io.astraea.node.net;

import java.net.InetAddress;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * How fast one remote address may open connections that the node will run a TLS handshake for:
 * a token bucket per address ({@code burst} handshakes at once, refilled at {@code perSecond}).
 * {@link PendingInbound} bounds how many such connections wait at once; this bounds how often a
 * single host can make the node start one, so closing and reopening connections back to back no
 * longer buys unlimited handshakes (each costs a key exchange and a signature).
 *
 * <p>Validators open one link per peer and redial with back-off, far below the defaults (burst 64,
 * 16 per second, room for a whole local testnet dialling from one loopback address). At most
 * {@code maxTracked} addresses are remembered; the least recently seen is forgotten first (an
 * address seen again then starts with a full bucket). Thread-safe.
 */
final class InboundRate {
  static final int MAX_TRACKED = 4_096;

  private final double tokensPerNano;
  private final int burst;
  private final LongSupplier nanoClock;
  private final Map<InetAddress, Bucket> buckets;

  private static final class Bucket {
    double tokens;
    long at;

    Bucket(double tokens, long at) {
      this.tokens = tokens;
      this.at = at;
    }
  }

  InboundRate(int perSecond, int burst, int maxTracked, LongSupplier nanoClock) {
    if (perSecond < 1 || burst < 1 || maxTracked < 1) {
      throw new IllegalArgumentException("inbound rate settings must be positive");
    }
    this.tokensPerNano = perSecond / 1e9;
    this.burst = burst;
    this.nanoClock = nanoClock;
    this.buckets = LruMap.bounded(maxTracked);
  }

  InboundRate(int perSecond, int burst) {
    this(perSecond, burst, MAX_TRACKED, System::nanoTime);
  }

  /** Takes one handshake from {@code address}'s bucket; false, taking nothing, when it is empty. */
  synchronized boolean tryAcquire(InetAddress address) {
    long now = nanoClock.getAsLong();
    Bucket b = buckets.get(address);
    if (b == null) {
      b = new Bucket(burst, now);
      buckets.put(address, b);
    } else {
      b.tokens = Math.min(burst, b.tokens + (now - b.at) * tokensPerNano);
      b.at = now;
    }
    if (b.tokens < 1) {
      return false;
    }
    b.tokens -= 1;
    return true;
  }

  /** Addresses remembered now (for tests). */
  synchronized int tracked() {
    return buckets.size();
  }
}
