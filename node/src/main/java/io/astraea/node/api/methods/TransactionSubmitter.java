package io.astraea.node.api.methods;

import io.astraea.ledger.types.SignedTransaction;
import io.astraea.node.mempool.MempoolRejection;

/**
 * Where {@code submit} and the faucet hand signed transactions: the daemon implements it with its
 * mempool (admission checks, then broadcast). Returning normally means the transaction was
 * accepted for inclusion, not that it executed.
 */
@FunctionalInterface
public interface TransactionSubmitter {
  /** Admits {@code txn} or says why not, with one of Diem's mempool or validation reasons. */
  void submit(SignedTransaction txn) throws MempoolRejection;
}
