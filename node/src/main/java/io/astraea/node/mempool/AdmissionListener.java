package io.astraea.node.mempool;

import io.astraea.ledger.types.SignedTransaction;

/**
 * Told about every transaction newly admitted to the mempool, on a verifier thread. The daemon
 * broadcasts the ones that came from its own clients ({@code fromPeer == false}) to the other
 * validators. Must not block.
 */
@FunctionalInterface
public interface AdmissionListener {
  void onAdmitted(SignedTransaction txn, boolean fromPeer);
}
