package io.astraea.node.mempool;

import io.astraea.crypto.HashValue;
import io.astraea.ledger.types.SignedTransaction;

/**
 * A transaction waiting in the mempool, with what ordering and expiry need: its hash (computed
 * once, at admission), encoded size, arrival order (the tie-breaker after gas price) and the
 * instant it leaves the pool if no block has taken it.
 */
record MempoolEntry(
    SignedTransaction transaction, HashValue hash, int sizeBytes, long arrival, long expiresAtMillis) {

  long sequenceNumber() {
    return transaction.sequenceNumber();
  }

  long gasUnitPrice() {
    return transaction.rawTxn().gasUnitPrice();
  }
}
