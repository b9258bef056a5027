package io.astraea.node.loadgen;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The outcome of one load run: how many transfers were submitted and committed, committed
 * transfers per second, submit-to-commit latency percentiles, and every failure by its code
 * (a JSON-RPC error code such as {@code -32008}, {@code io} for a transport error, {@code vm:TYPE}
 * for a transfer that committed without executing, {@code timeout} or {@code abandoned}).
 *
 * @param elapsed from the first submission to the last commit
 */
public record LoadReport(
    int accounts,
    int endpoints,
    long submitted,
    long committed,
    long executed,
    Duration elapsed,
    Latency latency,
    SortedMap<String, Long> failures) {

  /** Latency percentiles in microseconds. */
  public record Latency(long count, long p50, long p90, long p99, long max, double mean) {}

  public LoadReport {
    failures = new TreeMap<>(failures);
  }

  /** Committed transfers per second over {@link #elapsed}; 0 if nothing committed. */
  public double committedPerSecond() {
    long nanos = elapsed.toNanos();
    return nanos <= 0 || committed == 0 ? 0 : committed * 1e9 / nanos;
  }

  /** A short human-readable summary, one figure per line. */
  public String format() {
    StringBuilder b = new StringBuilder();
    b.append(String.format(Locale.ROOT, "accounts:              %d over %d JSON-RPC endpoint(s)%n", accounts, endpoints));
    b.append(String.format(Locale.ROOT, "transfers submitted:   %d%n", submitted));
    b.append(String.format(Locale.ROOT, "transfers committed:   %d (%d executed)%n", committed, executed));
    b.append(String.format(Locale.ROOT, "elapsed:               %.3f s (first submit to last commit)%n",
        elapsed.toNanos() / 1e9));
    b.append(String.format(Locale.ROOT, "throughput:            %.1f committed transfers/s%n", committedPerSecond()));
    if (latency.count() > 0) {
      b.append(String.format(Locale.ROOT,
          "submit-to-commit (ms): p50 %s  p90 %s  p99 %s  max %s  mean %s%n",
          millis(latency.p50()), millis(latency.p90()), millis(latency.p99()), millis(latency.max()),
          String.format(Locale.ROOT, "%.1f", latency.mean() / 1000.0)));
    } else {
      b.append("submit-to-commit (ms): no transfer committed\n");
    }
    if (failures.isEmpty()) {
      b.append("failures:              none\n");
    } else {
      b.append("failures by code:\n");
      for (Map.Entry<String, Long> e : failures.entrySet()) {
        b.append(String.format(Locale.ROOT, "  %-20s %d%n", e.getKey(), e.getValue()));
      }
    }
    return b.toString();
  }

  private static String millis(long micros) {
    return String.format(Locale.ROOT, "%.1f", micros / 1000.0);
  }
}
