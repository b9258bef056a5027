package io.astraea.node.loadgen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class LoadReportTest {
  @Test
  void statsComputeThroughputPercentilesAndFailures() {
    LoadStats stats = new LoadStats();
    long t0 = 1_000_000_000L;
    for (int i = 0; i < 100; i++) {
      stats.submitted(t0 + i * 1_000_000L);
    }
    // Latencies 1 ms .. 100 ms; the last commit is 2 s after the first submit.
    for (int i = 1; i <= 100; i++) {
      long submit = t0 + (i - 1) * 1_000_000L;
      long commit = i == 100 ? t0 + 2_000_000_000L : submit + i * 1_000_000L;
      stats.committed(submit, commit, i != 7);
    }
    stats.failed("vm:move_abort", 1);
    stats.failed("-32008", 2);
    stats.failed("-32008", 1);
    stats.failed("io", 0);
    LoadReport r = stats.report(50, 4);

    assertEquals(100, r.submitted());
    assertEquals(100, r.committed());
    assertEquals(99, r.executed());
    assertEquals(Duration.ofSeconds(2), r.elapsed());
    assertEquals(50.0, r.committedPerSecond(), 1e-9);
    assertEquals(100, r.latency().count());
    assertEquals(50_000, r.latency().p50(), 50, "p50 ~ 50 ms in micros");
    assertEquals(90_000, r.latency().p90(), 90);
    assertEquals(99_000, r.latency().p99(), 99);
    assertTrue(r.latency().max() >= 1_901_000, "the slowest was 1.901 s");
    assertEquals(new TreeMap<>(java.util.Map.of("-32008", 3L, "vm:move_abort", 1L)), r.failures());
  }

  @Test
  void formatShowsEveryFigureOnItsOwnLine() {
    TreeMap<String, Long> failures = new TreeMap<>();
    failures.put("lost:timeout", 2L);
    failures.put("-32008", 5L);
    LoadReport r = new LoadReport(50, 4, 1000, 998, 998, Duration.ofMillis(12_500),
        new LoadReport.Latency(998, 410_000, 800_500, 1_250_000, 2_000_000, 450_123.0), failures);
    String text = r.format();
    assertTrue(text.contains("accounts:              50 over 4 JSON-RPC endpoint(s)\n"), text);
    assertTrue(text.contains("transfers submitted:   1000\n"), text);
    assertTrue(text.contains("transfers committed:   998 (998 executed)\n"), text);
    assertTrue(text.contains("elapsed:               12.500 s"), text);
    assertTrue(text.contains("throughput:            79.8 committed transfers/s\n"), text);
    assertTrue(text.contains("submit-to-commit (ms): p50 410.0  p90 800.5  p99 1250.0  max 2000.0  mean 450.1\n"), text);
    int full = text.indexOf("-32008");
    int lost = text.indexOf("lost:timeout");
    assertTrue(full > 0 && lost > full, "failures sorted by code: " + text);
    assertTrue(text.contains("  -32008               5\n"), text);
  }

  @Test
  void anEmptyRunSaysSoInsteadOfDividingByZero() {
    LoadReport r = new LoadStats().report(2, 1);
    assertEquals(0.0, r.committedPerSecond());
    String text = r.format();
    assertTrue(text.contains("no transfer committed"), text);
    assertTrue(text.contains("failures:              none"), text);
  }
}
