package io.astraea.node.net;

import io.astraea.crypto.AccountAddress;
import io.astraea.node.net.wire.ProtocolId;
import io.astraea.node.net.wire.WireMessage;
import io.netty.channel.Channel;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything this node keeps about one peer across links: its outbound queue, the current channel
 * (if any), dialling state and counters. Mutable fields are guarded by {@code this}; the channel is
 * also volatile so the send path can read it without the lock.
 */
final class PeerLink {
  private static final Logger log = LoggerFactory.getLogger(PeerLink.class);

  final AccountAddress address;
  final PeerQueues queues;
  final Backoff backoff;
  final LongAdder sent = new LongAdder();
  final LongAdder received = new LongAdder();
  final LongAdder connections = new LongAdder();
  private final AtomicBoolean drainScheduled = new AtomicBoolean();

  volatile PeerInfo info;
  volatile Channel channel;
  volatile PeerState state = PeerState.DISCONNECTED;
  boolean dialing;

  /** Numbers dial attempts, so that a late notice from an old attempt is ignored. */
  long dialAttempt;

  boolean removed;
  ScheduledFuture<?> reconnect;

  PeerLink(PeerInfo info, int queueCapacity, long queueBytes, Backoff backoff) {
    this.address = info.address();
    this.info = info;
    this.queues = new PeerQueues(queueCapacity, queueBytes);
    this.backoff = backoff;
  }

  /** Queues {@code message} and makes sure a drain runs on the link's event loop. */
  void enqueue(ProtocolId protocol, WireMessage message) {
    queues.offer(protocol, message);
    scheduleDrain();
  }

  void scheduleDrain() {
    Channel ch = channel;
    if (ch != null && drainScheduled.compareAndSet(false, true)) {
      ch.eventLoop()
          .execute(
              () -> {
                drainScheduled.set(false);
                drain(ch);
              });
    }
  }

  /**
   * Moves queued messages onto {@code ch} while it is writable (Netty's write buffer is below its
   * high-water mark); the rest wait here, under the queue bound, until writability returns.
   */
  void drain(Channel ch) {
    if (channel != ch || !ch.isActive()) {
      return;
    }
    boolean wrote = false;
    while (ch.isWritable()) {
      WireMessage m = queues.poll();
      if (m == null) {
        break;
      }
      ch.write(m)
          .addListener(
              f -> {
                if (!f.isSuccess()) {
                  log.warn("write to {} failed: {}", address, String.valueOf(f.cause()));
                }
              });
      sent.increment();
      wrote = true;
    }
    if (wrote) {
      ch.flush();
    }
  }

  PeerStatus status(boolean dialer) {
    return new PeerStatus(
        address,
        state,
        dialer,
        queues.size(),
        sent.sum(),
        received.sum(),
        queues.droppedTotal(),
        connections.sum());
  }
}
