package io.astraea.ledger.accumulator;

/** A failure reading, extending or proving the stored accumulator. */
public final class AccumulatorException extends Exception {
  /** What went wrong. */
  public enum Kind {
    /** A frozen node the accumulator needs is not in the store. */
    MISSING_NODE,
    /** The caller asked for something outside the accumulator (bad index, empty range). */
    INVALID_REQUEST,
    /** The underlying store failed. */
    STORE_FAILURE
  }

  private final Kind kind;

  public AccumulatorException(Kind kind, String message) {
    super(message);
    this.kind = kind;
  }

  public AccumulatorException(Kind kind, String message, Throwable cause) {
    super(message, cause);
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }
}
