package io.astraea.node.net;

import java.util.ArrayDeque;
import java.util.function.ToLongFunction;

/**
 * A bounded queue of messages waiting for one peer's link (one per peer and protocol, see {@link
 * PeerQueues}), kept across reconnects. Bounded twice: by message count and by the bytes the
 * messages hold, since frames run from a few bytes to many megabytes and a peer that is down for
 * minutes must not make this node hold a backlog of full proposals or sync chunks.
 *
 * <p>Policy when full: <b>drop the oldest</b> messages (counted) until both bounds hold; the newest
 * message is always kept, even alone above the byte bound. The newest messages are the ones that
 * matter to consensus (a later vote or proposal supersedes an earlier one, and a peer that is far
 * behind catches up through state sync, not through a backlog), and the sender never blocks or
 * fails. Thread-safe.
 */
final class OutboundQueue<T> {
  private final int capacity;
  private final long byteCapacity;
  private final ToLongFunction<T> sizer;
  private final ArrayDeque<T> items;
  private long bytes;
  private long droppedTotal;

  OutboundQueue(int capacity, long byteCapacity, ToLongFunction<T> sizer) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be positive: " + capacity);
    }
    if (byteCapacity < 1) {
      throw new IllegalArgumentException("byte capacity must be positive: " + byteCapacity);
    }
    this.capacity = capacity;
    this.byteCapacity = byteCapacity;
    this.sizer = sizer;
    this.items = new ArrayDeque<>(Math.min(capacity, 64));
  }

  /** Appends {@code item}; returns how many older items were dropped to make room. */
  synchronized int offer(T item) {
    items.addLast(item);
    bytes += sizer.applyAsLong(item);
    int dropped = 0;
    while (items.size() > 1 && (items.size() > capacity || bytes > byteCapacity)) {
      bytes -= sizer.applyAsLong(items.pollFirst());
      dropped++;
    }
    droppedTotal += dropped;
    return dropped;
  }

  synchronized T poll() {
    T item = items.pollFirst();
    if (item != null) {
      bytes -= sizer.applyAsLong(item);
    }
    return item;
  }

  synchronized int size() {
    return items.size();
  }

  /** The bytes the queued messages hold (as the sizer counts them). */
  synchronized long bytes() {
    return bytes;
  }

  synchronized long droppedTotal() {
    return droppedTotal;
  }

  synchronized void clear() {
    items.clear();
    bytes = 0;
  }

  int capacity() {
    return capacity;
  }
}
