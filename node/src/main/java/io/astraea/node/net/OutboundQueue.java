package io.astraea.node.net;

import java.util.ArrayDeque;

/**
 * A bounded queue of messages waiting for one peer's link (one per peer and protocol, see {@link
 * PeerQueues}), kept across reconnects.
 *
 * <p>Policy when full: <b>drop the oldest</b> message and count it. The newest messages are the
 * ones that matter to consensus (a later vote or proposal supersedes an earlier one, and a peer
 * that is far behind catches up through state sync, not through a backlog), and the sender never
 * blocks or fails. Thread-safe.
 */
final class OutboundQueue<T> {
  private final int capacity;
  private final ArrayDeque<T> items;
  private long droppedTotal;

  OutboundQueue(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be positive: " + capacity);
    }
    this.capacity = capacity;
    this.items = new ArrayDeque<>(Math.min(capacity, 64));
  }

  /** Appends {@code item}; returns the item dropped to make room, or null. */
  synchronized T offer(T item) {
    T dropped = null;
    if (items.size() >= capacity) {
      dropped = items.pollFirst();
      droppedTotal++;
    }
    items.addLast(item);
    return dropped;
  }

  synchronized T poll() {
    return items.pollFirst();
  }

  synchronized int size() {
    return items.size();
  }

  synchronized long droppedTotal() {
    return droppedTotal;
  }

  synchronized void clear() {
    items.clear();
  }

  int capacity() {
    return capacity;
  }
}
