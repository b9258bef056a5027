package io.astraea.node.loadgen;

import java.time.Duration;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * Collects a run's counts, latencies (an HdrHistogram in microseconds, 3 significant digits,
 * up to 10 minutes) and failures while submitters and the commit watcher report concurrently.
 */
final class LoadStats {
  private static final long MAX_MICROS = TimeUnit.MINUTES.toMicros(10);

  private final Histogram latencyMicros = new Histogram(MAX_MICROS, 3);
  private final TreeMap<String, Long> failures = new TreeMap<>();
  private long submitted;
  private long committed;
  private long executed;
  private long firstSubmitNanos = Long.MAX_VALUE;
  private long lastCommitNanos = Long.MIN_VALUE;

  synchronized void submitted(long nanos) {
    submitted++;
    firstSubmitNanos = Math.min(firstSubmitNanos, nanos);
  }

  /** A transfer submitted at {@code submitNanos} was seen committed at {@code commitNanos}. */
  synchronized void committed(long submitNanos, long commitNanos, boolean didExecute) {
    committed++;
    if (didExecute) {
      executed++;
    }
    lastCommitNanos = Math.max(lastCommitNanos, commitNanos);
    long micros = Math.max(0, TimeUnit.NANOSECONDS.toMicros(commitNanos - submitNanos));
    latencyMicros.recordValue(Math.min(micros, MAX_MICROS));
  }

  synchronized void failed(String code, long count) {
    if (count > 0) {
      failures.merge(code, count, Long::sum);
    }
  }

  synchronized long submittedCount() {
    return submitted;
  }

  synchronized LoadReport report(int accounts, int endpoints) {
    Duration elapsed =
        committed == 0 ? Duration.ZERO : Duration.ofNanos(lastCommitNanos - firstSubmitNanos);
    LoadReport.Latency lat =
        new LoadReport.Latency(
            latencyMicros.getTotalCount(),
            latencyMicros.getValueAtPercentile(50),
            latencyMicros.getValueAtPercentile(90),
            latencyMicros.getValueAtPercentile(99),
            latencyMicros.getMaxValue(),
            latencyMicros.getTotalCount() == 0 ? 0 : latencyMicros.getMean());
    return new LoadReport(accounts, endpoints, submitted, committed, executed, elapsed, lat, failures);
  }
}
