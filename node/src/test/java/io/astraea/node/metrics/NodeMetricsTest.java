package io.astraea.node.metrics;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class NodeMetricsTest {
  @Test
  void scrapeShowsTheValuesOfThisNodeOnly() {
    NodeMetrics a = new NodeMetrics();
    NodeMetrics b = new NodeMetrics();
    a.committedBlocks.inc(3);
    a.ledgerVersion.set(42);
    a.rejectedMessages.labelValues("bad_signature").inc();

    String text = new String(a.scrape(), StandardCharsets.UTF_8);
    assertTrue(text.contains("astraea_committed_blocks_total 3.0"), text);
    assertTrue(text.contains("astraea_ledger_version 42.0"), text);
    assertTrue(text.contains("astraea_rejected_messages_total{reason=\"bad_signature\"} 1.0"), text);

    String other = new String(b.scrape(), StandardCharsets.UTF_8);
    assertFalse(other.contains("astraea_committed_blocks_total 3.0"), other);
  }

  @Test
  void commitLatencyIsAHistogramInSeconds() {
    NodeMetrics m = new NodeMetrics();
    m.commitSeconds.observe(0.03);
    m.commitSeconds.observe(0.3);
    m.heldMessages.set(2);
    String text = new String(m.scrape(), StandardCharsets.UTF_8);
    assertTrue(text.contains("astraea_ledger_commit_seconds_bucket{le=\"0.025\"} 0"), text);
    assertTrue(text.contains("astraea_ledger_commit_seconds_bucket{le=\"0.05\"} 1"), text);
    assertTrue(text.contains("astraea_ledger_commit_seconds_bucket{le=\"0.5\"} 2"), text);
    assertTrue(text.contains("astraea_ledger_commit_seconds_count 2"), text);
    assertTrue(text.contains("astraea_consensus_held_messages 2.0"), text);
  }
}
