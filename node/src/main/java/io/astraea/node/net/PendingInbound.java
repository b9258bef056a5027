package io.astraea.node.net;

import io.netty.channel.Channel;
import io.netty.util.AttributeKey;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Bounds the accepted connections that have not authenticated yet (TLS handshake and Hello still
 * to come), in total and per remote address. Each costs the node a TLS handshake (key exchange
 * and a signature) before it can be told apart from a validator, so anyone who can reach the port
 * could otherwise keep the I/O threads busy with handshakes or hold thousands of half-open links.
 * A connection over either bound, or over its address's handshake rate ({@link InboundRate}), is
 * closed as soon as it is accepted, before any TLS work; its slot is given back once its Hello is
 * accepted or it closes, whichever comes first.
 *
 * <p>Validators dial each other once per link and redial with back-off, so the bounds (by default
 * 64 in total, 16 per address) only bite on floods. Thread-safe.
 */
final class PendingInbound {
  private static final AttributeKey<Slot> SLOT = AttributeKey.valueOf("astraea.pendingInbound");

  private final int maxTotal;
  private final int maxPerAddress;
  private final InboundRate rate;
  private final Map<InetAddress, Integer> perAddress = new HashMap<>();
  private int total;

  /** One admitted connection's claim; given back once. */
  private final class Slot {
    final InetAddress address;
    final AtomicBoolean released = new AtomicBoolean();

    Slot(InetAddress address) {
      this.address = address;
    }

    void release() {
      if (released.compareAndSet(false, true)) {
        giveBack(address);
      }
    }
  }

  PendingInbound(int maxTotal, int maxPerAddress, InboundRate rate) {
    if (maxTotal < 1 || maxPerAddress < 1) {
      throw new IllegalArgumentException("pending inbound bounds must be positive");
    }
    this.maxTotal = maxTotal;
    this.maxPerAddress = maxPerAddress;
    this.rate = rate;
  }

  /**
   * Claims a slot for a just-accepted {@code channel}, released when it closes (or earlier, by
   * {@link #authenticated}); false, claiming nothing, when a bound is reached. A connection a
   * bound refuses does not count against its address's rate.
   */
  boolean admit(Channel channel) {
    InetAddress address = channel.remoteAddress() instanceof InetSocketAddress a ? a.getAddress() : null;
    synchronized (this) {
      int fromAddress = perAddress.getOrDefault(address, 0);
      boolean bounded = total >= maxTotal || fromAddress >= maxPerAddress;
      if (bounded || (address != null && !rate.tryAcquire(address))) {
        return false;
      }
      total++;
      perAddress.put(address, fromAddress + 1);
    }
    Slot slot = new Slot(address);
    channel.attr(SLOT).set(slot);
    channel.closeFuture().addListener(f -> slot.release());
    return true;
  }

  /** The channel's peer is now known (its Hello was accepted): its slot is free for others. */
  void authenticated(Channel channel) {
    Slot slot = channel.attr(SLOT).getAndSet(null);
    if (slot != null) {
      slot.release();
    }
  }

  /** Connections holding a slot now. */
  synchronized int pending() {
    return total;
  }

  private synchronized void giveBack(InetAddress address) {
    total--;
    perAddress.computeIfPresent(address, (a, n) -> n == 1 ? null : n - 1);
  }
}
