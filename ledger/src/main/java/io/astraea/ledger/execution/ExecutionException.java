package io.astraea.ledger.execution;

/**
 * A block that cannot be executed at all, as opposed to a transaction that fails (which becomes a
 * discarded or kept status). Raised for a state without genesis, a system blob that does not
 * decode, or block metadata that breaks the block clock or names an unknown proposer; consensus
 * must not vote for such a block.
 */
public final class ExecutionException extends Exception {
  /** Why the block could not be executed. */
  public enum Kind {
    MISSING_SYSTEM_STATE,
    CORRUPT_SYSTEM_STATE,
    INVALID_BLOCK_METADATA,
    UNEXPECTED_TRANSACTION
  }

  private final Kind kind;

  public ExecutionException(Kind kind, String message) {
    super(kind + ": " + message);
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }
}
