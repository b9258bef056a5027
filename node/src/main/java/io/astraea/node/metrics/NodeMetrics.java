package io.astraea.node.metrics;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The node's Prometheus metrics. Each node owns its registry (not the global default), so several
 * nodes in one JVM (the in-process cluster tests) keep separate figures. Counters end in
 * {@code _total}; every metric is prefixed {@code astraea_}.
 */
public final class NodeMetrics {
  private final PrometheusRegistry registry = new PrometheusRegistry();

  public final Counter committedBlocks =
      Counter.builder().name("astraea_committed_blocks_total").help("Blocks committed").register(registry);
  public final Counter committedTransactions =
      Counter.builder()
          .name("astraea_committed_transactions_total")
          .help("Transactions committed (user, block metadata and genesis)")
          .register(registry);
  public final Gauge ledgerVersion =
      Gauge.builder().name("astraea_ledger_version").help("Latest committed ledger version").register(registry);
  public final Gauge consensusRound =
      Gauge.builder().name("astraea_consensus_round").help("Current consensus round").register(registry);
  public final Gauge consensusEpoch =
      Gauge.builder().name("astraea_consensus_epoch").help("Current epoch").register(registry);
  public final Counter consensusTimeouts =
      Counter.builder().name("astraea_consensus_timeouts_total").help("Local round timeouts").register(registry);
  public final Counter rejectedMessages =
      Counter.builder()
          .name("astraea_rejected_messages_total")
          .help("Peer messages refused at the edge, by reason")
          .labelNames("reason")
          .register(registry);
  public final Gauge mempoolSize =
      Gauge.builder().name("astraea_mempool_transactions").help("Transactions waiting in the mempool").register(registry);
  public final Counter mempoolRejected =
      Counter.builder()
          .name("astraea_mempool_rejected_total")
          .help("Submitted transactions refused by the mempool, by reason")
          .labelNames("reason")
          .register(registry);
  public final Counter prunedStateNodes =
      Counter.builder()
          .name("astraea_pruned_state_nodes_total")
          .help("Stale state tree nodes deleted by the pruner")
          .register(registry);
  public final Histogram commitSeconds =
      Histogram.builder()
          .name("astraea_ledger_commit_seconds")
          .help("From a commit's hand-over to the ledger writer until it is durable (waiting included)")
          .classicOnly()
          .classicUpperBounds(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10)
          .withoutExemplars()
          .register(registry);
  public final Gauge heldMessages =
      Gauge.builder()
          .name("astraea_consensus_held_messages")
          .help("Consensus messages waiting for a ledger write to be durable before they leave")
          .register(registry);
  public final Gauge connectedPeers =
      Gauge.builder().name("astraea_connected_peers").help("Peers with an open, authenticated link").register(registry);

  /** The Prometheus text exposition of every metric. */
  public byte[] scrape() {
    ByteArrayOutputStream out = new ByteArrayOutputStream(4096);
    try {
      PrometheusTextFormatWriter.create().write(out, registry.scrape());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  public String contentType() {
    return PrometheusTextFormatWriter.CONTENT_TYPE;
  }
}
