package io.astraea.node.ledger;

/**
 * A commit could not be carried out: a block to commit was never executed here, or the ledger's
 * result differs from what the quorum certified. The node must stop voting (its ledger is no
 * longer the network's) and resynchronise.
 */
public final class CommitException extends Exception {
  public CommitException(String message) {
    super(message);
  }

  public CommitException(String message, Throwable cause) {
    super(message, cause);
  }
}
