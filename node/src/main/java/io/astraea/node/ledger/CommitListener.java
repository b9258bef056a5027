package io.astraea.node.ledger;

/**
 * Told after every commit is durable, e.g. so the mempool drops what committed. Called on the
 * committing thread (the ledger writer, or state sync's): a listener must return quickly and
 * must not wait for the executor that commits.
 */
@FunctionalInterface
public interface CommitListener {
  void onCommit(CommittedTransactions committed);
}
