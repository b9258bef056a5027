package io.astraea.node.sync;

/**
 * State sync failed: no peer served a chunk that verifies, or the local ledger refused it. The
 * kind says whether a peer lied (try another), or the local node cannot proceed.
 */
public final class SyncException extends Exception {
  /** What went wrong. */
  public enum Kind {
    /** The response does not decode or does not fit the request. */
    MALFORMED,
    /** A proof, signature or re-executed result does not match. */
    VERIFICATION,
    /** The peer could not serve the request (behind, pruned, unreachable). */
    UNAVAILABLE,
    /** The local ledger failed to read or commit. */
    LOCAL_STORAGE
  }

  private final Kind kind;

  public SyncException(Kind kind, String message) {
    super(message);
    this.kind = kind;
  }

  public SyncException(Kind kind, String message, Throwable cause) {
    super(message, cause);
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }
}
