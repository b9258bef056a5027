package io.astraea.ledger.storage;

/** A storage failure; the kind tells the caller whether to retry, fix its request, or stop. */
public final class StorageException extends Exception {
  /** What went wrong. */
  public enum Kind {
    /** RocksDB or the file system failed. */
    IO,
    /** Stored bytes do not decode or contradict each other. */
    CORRUPT,
    /** The requested item is not stored (not yet committed, or pruned). */
    NOT_FOUND,
    /** The request is malformed or inconsistent (wrong version, roots that do not match). */
    INVALID_ARGUMENT,
    /** The store is closed. */
    CLOSED
  }

  private final Kind kind;

  public StorageException(Kind kind, String message) {
    super(message);
    this.kind = kind;
  }

  public StorageException(Kind kind, String message, Throwable cause) {
    super(message, cause);
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }
}
