package io.astraea.node.net;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Keeps repeated link warnings about one remote to one per interval. A peer that keeps
 * failing the same way (a validator removed from the set redialling every few seconds, a host
 * probing the port) would otherwise write a warning per attempt for as long as it goes on, and a
 * flood of attempts would become a flood of log lines. The first warning for a host is always
 * logged; later ones within {@code interval} are counted, and the next one logged says how many
 * were left out. A remote is a host for accepted connections (each comes from a new port) and a
 * host and port for dialled ones (the peer's listening address, so validators sharing a host, as
 * on a local testnet, are told apart). At most {@code maxTracked} remotes are remembered (least
 * recently warned about forgotten first). Thread-safe.
 */
final class WarningThrottle {
  static final long DEFAULT_INTERVAL_NANOS = 60_000_000_000L;
  static final int DEFAULT_MAX_TRACKED = 1_024;

  private final long intervalNanos;
  private final LongSupplier nanoClock;
  private final Map<Object, Entry> hosts;

  private static final class Entry {
    long loggedAt;
    long suppressed;

    Entry(long loggedAt) {
      this.loggedAt = loggedAt;
    }
  }

  WarningThrottle(long intervalNanos, int maxTracked, LongSupplier nanoClock) {
    this.intervalNanos = intervalNanos;
    this.nanoClock = nanoClock;
    this.hosts = LruMap.bounded(maxTracked);
  }

  WarningThrottle() {
    this(DEFAULT_INTERVAL_NANOS, DEFAULT_MAX_TRACKED, System::nanoTime);
  }

  /**
   * Whether to log a warning about {@code remote} now: -1 if not (it is counted), else how many
   * warnings about the same remote were left out since the last one logged.
   *
   * @param accepted whether the connection was accepted (then only the host counts) or dialled
   */
  synchronized long admit(SocketAddress remote, boolean accepted) {
    Object host = accepted && remote instanceof InetSocketAddress a && a.getAddress() != null ? a.getAddress() : remote;
    long now = nanoClock.getAsLong();
    Entry e = hosts.get(host);
    if (e == null) {
      hosts.put(host, new Entry(now));
      return 0;
    }
    if (now - e.loggedAt < intervalNanos) {
      e.suppressed++;
      return -1;
    }
    long left = e.suppressed;
    e.loggedAt = now;
    e.suppressed = 0;
    return left;
  }

  /** The text to append to a logged warning that follows {@code left} left-out ones. */
  static String leftOut(long left) {
    return left > 0 ? " (" + left + " more like it not logged)" : "";
  }

  /** Remotes remembered now (for tests). */
  synchronized int tracked() {
    return hosts.size();
  }
}
