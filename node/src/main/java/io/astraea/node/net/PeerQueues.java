package io.astraea.node.net;

import io.astraea.node.net.wire.ProtocolId;
import io.astraea.node.net.wire.WireMessage;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The outbound queues of one peer: one bounded {@link OutboundQueue} per protocol, so that a flood
 * of mempool broadcasts can never push a consensus vote out, drained in priority order when the
 * link is slow: consensus, then block retrieval, then state sync, then mempool. RPC answers travel
 * in the queue of the protocol their request came in on.
 */
final class PeerQueues {
  /** Drain order under back-pressure: what keeps consensus live comes first. */
  static final List<ProtocolId> PRIORITY =
      List.of(
          ProtocolId.CONSENSUS,
          ProtocolId.BLOCK_RETRIEVAL,
          ProtocolId.STATE_SYNC,
          ProtocolId.MEMPOOL);

  private final Map<ProtocolId, OutboundQueue<WireMessage>> queues =
      new EnumMap<>(ProtocolId.class);

  PeerQueues(int capacityPerProtocol, long bytesPerProtocol) {
    for (ProtocolId p : ProtocolId.values()) {
      queues.put(p, new OutboundQueue<>(capacityPerProtocol, bytesPerProtocol, PeerQueues::heldBytes));
    }
    if (!PRIORITY.containsAll(queues.keySet())) {
      throw new IllegalStateException("every protocol needs a drain priority");
    }
  }

  /**
   * What a queued message holds on the heap, roughly: its payload (or text) plus a fixed
   * allowance for the record and its queue slot. Payload arrays broadcast to several peers are
   * shared, so this over-counts them per peer, which errs on the safe side.
   */
  static long heldBytes(WireMessage m) {
    long overhead = 64;
    if (m instanceof WireMessage.DirectSend d) {
      return overhead + d.payload().length;
    }
    if (m instanceof WireMessage.RpcRequest r) {
      return overhead + r.payload().length;
    }
    if (m instanceof WireMessage.RpcResponse r) {
      return overhead + r.payload().length;
    }
    if (m instanceof WireMessage.RpcError e) {
      return overhead + 2L * e.message().length();
    }
    if (m instanceof WireMessage.Goodbye g) {
      return overhead + 2L * g.reason().length();
    }
    return overhead;
  }

  void offer(ProtocolId protocol, WireMessage message) {
    queues.get(protocol).offer(message);
  }

  /** The next message to write, highest priority first; null when all queues are empty. */
  WireMessage poll() {
    for (ProtocolId p : PRIORITY) {
      WireMessage m = queues.get(p).poll();
      if (m != null) {
        return m;
      }
    }
    return null;
  }

  int size() {
    int n = 0;
    for (OutboundQueue<WireMessage> q : queues.values()) {
      n += q.size();
    }
    return n;
  }

  long droppedTotal() {
    long n = 0;
    for (OutboundQueue<WireMessage> q : queues.values()) {
      n += q.droppedTotal();
    }
    return n;
  }

  long droppedTotal(ProtocolId protocol) {
    return queues.get(protocol).droppedTotal();
  }

  void clear() {
    for (OutboundQueue<WireMessage> q : queues.values()) {
      q.clear();
    }
  }
}
