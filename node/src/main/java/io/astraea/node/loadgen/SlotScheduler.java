package io.astraea.node.loadgen;

import java.util.List;
import java.util.OptionalLong;

/**
 * Hands submitters the next (account, sequence number) to send: round-robin over the accounts,
 * skipping those whose window is full or that are stalled, until the transfer budget or the
 * submission deadline is used up. A submitter with nothing to take waits until commits free a
 * window ({@link #wake}).
 */
final class SlotScheduler {
  /** One transfer to send; {@code ordinal} counts from 0 in hand-out order (for pacing). */
  record Slot(int accountIndex, long sequenceNumber, long ordinal) {}

  private final List<LoadAccount> accounts;
  private final long budget;
  private final long deadlineNanos;
  private long handedOut;
  private int cursor;
  private boolean closed;

  SlotScheduler(List<LoadAccount> accounts, long budget, long deadlineNanos) {
    this.accounts = List.copyOf(accounts);
    this.budget = budget;
    this.deadlineNanos = deadlineNanos;
  }

  /** The next slot, or null once the budget or the deadline is used up or every account is stalled. */
  synchronized Slot next() throws InterruptedException {
    int n = accounts.size();
    while (true) {
      if (closed || handedOut >= budget || System.nanoTime() - deadlineNanos > 0) {
        return null;
      }
      boolean anyLive = false;
      for (int i = 0; i < n; i++) {
        int idx = (cursor + i) % n;
        AccountSequencer s = accounts.get(idx).sequencer();
        if (s.stalled()) {
          continue;
        }
        anyLive = true;
        OptionalLong seq = s.tryNext();
        if (seq.isPresent()) {
          cursor = (idx + 1) % n;
          return new Slot(idx, seq.getAsLong(), handedOut++);
        }
      }
      if (!anyLive) {
        return null;
      }
      wait(50);
    }
  }

  synchronized void wake() {
    notifyAll();
  }

  synchronized void close() {
    closed = true;
    notifyAll();
  }

  synchronized long handedOut() {
    return handedOut;
  }
}
