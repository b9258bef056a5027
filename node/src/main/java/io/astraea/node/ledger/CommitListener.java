package io.astraea.node.ledger;

/** Told after every commit (on the committing thread), e.g. so the mempool drops what committed. */
@FunctionalInterface
public interface CommitListener {
  void onCommit(CommittedTransactions committed);
}
