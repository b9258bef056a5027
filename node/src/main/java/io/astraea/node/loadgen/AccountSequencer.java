package io.astraea.node.loadgen;

import java.util.OptionalLong;

/**
 * Hands out one account's sequence numbers for pipelined submission: consecutive numbers, at
 * most {@code window} of them submitted but not yet committed. The chain's view of the account
 * ({@link #observeCommitted}) frees the window. Once a transfer is lost the account is stalled:
 * every later number would wait on the gap forever, so no more are handed out.
 *
 * <p>Thread-safe: submitters take numbers while the commit watcher reports progress.
 */
public final class AccountSequencer {
  private final int window;
  private long next;
  private long committed;
  private boolean stalled;

  /**
   * @param start the account's current on-chain sequence number
   * @param window most numbers outstanding at once
   */
  public AccountSequencer(long start, int window) {
    if (start < 0 || window < 1) {
      throw new IllegalArgumentException("start must be >= 0 and window >= 1");
    }
    this.next = start;
    this.committed = start;
    this.window = window;
  }

  /** The next sequence number, or empty if the window is full or the account is stalled. */
  public synchronized OptionalLong tryNext() {
    if (stalled || next - committed >= window) {
      return OptionalLong.empty();
    }
    return OptionalLong.of(next++);
  }

  /**
   * The chain says every number below {@code chainSequence} is committed. Returns how many
   * numbers this frees; a stale report (below what was already seen) frees nothing.
   */
  public synchronized long observeCommitted(long chainSequence) {
    if (chainSequence <= committed) {
      return 0;
    }
    long freed = Math.min(chainSequence, next) - committed;
    committed = chainSequence;
    if (next < committed) {
      next = committed;
    }
    return Math.max(freed, 0);
  }

  /** Stops handing out numbers: a transfer of this account will never commit. */
  public synchronized void stall() {
    stalled = true;
  }

  public synchronized boolean stalled() {
    return stalled;
  }

  /** Numbers handed out and not yet committed. */
  public synchronized long inFlight() {
    return next - committed;
  }

  /** The next number {@link #tryNext} would hand out. */
  public synchronized long peekNext() {
    return next;
  }
}
