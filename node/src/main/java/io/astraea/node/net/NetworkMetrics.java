package io.astraea.node.net;

import java.util.concurrent.atomic.LongAdder;

/** The node-wide counters behind {@link NetworkStats}; updated from any I/O thread. */
final class NetworkMetrics {
  final LongAdder tlsRejected = new LongAdder();
  final LongAdder helloRejected = new LongAdder();
  final LongAdder oversizedFrames = new LongAdder();
  final LongAdder malformed = new LongAdder();
  final LongAdder unrouted = new LongAdder();
  final LongAdder inboundRefused = new LongAdder();

  NetworkStats snapshot() {
    return new NetworkStats(
        tlsRejected.sum(),
        helloRejected.sum(),
        oversizedFrames.sum(),
        malformed.sum(),
        unrouted.sum(),
        inboundRefused.sum());
  }
}
