package io.astraea.ledger.jmt;

/** A failure reading or updating the tree; the kind says whether the caller or the store is at fault. */
public final class JmtException extends Exception {
  /** What went wrong. */
  public enum Kind {
    /** A node the tree refers to is not in the store (pruned, or the store is damaged). */
    MISSING_NODE,
    /** Stored bytes do not decode as a node. */
    CORRUPT_NODE,
    /** The caller asked for an update or read the tree cannot serve (bad version, bad input). */
    INVALID_REQUEST,
    /** The underlying store failed. */
    STORE_FAILURE
  }

  private final Kind kind;

  public JmtException(Kind kind, String message) {
    super(message);
    this.kind = kind;
  }

  public JmtException(Kind kind, String message, Throwable cause) {
    super(message, cause);
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }
}
