package io.astraea.node.faucet;

/**
 * The next sequence number for one faucet signer. Transactions the faucet has handed to the
 * mempool but that are not committed yet make the local counter run ahead of the ledger's; the
 * counter never falls behind the ledger. Not thread-safe on its own: the faucet reserves,
 * submits and (on refusal) releases under one lock per signer, so submissions arrive in sequence
 * order.
 */
final class SequenceTracker {
  private long next;

  /** The sequence number for the next transaction, given the account's committed one. */
  long reserve(long committed) {
    if (Long.compareUnsigned(next, committed) < 0) {
      next = committed;
    }
    return next++;
  }

  /** Gives back the number just reserved (its transaction was refused, so nothing uses it). */
  void release(long seq) {
    if (next == seq + 1) {
      next = seq;
    }
  }

  /** Forgets everything in flight: the ledger's number is the truth again. */
  void resync(long committed) {
    next = committed;
  }

  long peek() {
    return next;
  }
}
