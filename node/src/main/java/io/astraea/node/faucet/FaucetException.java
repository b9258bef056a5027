package io.astraea.node.faucet;

/** A mint request the faucet could not serve, classed by whose fault it is (the HTTP status). */
public final class FaucetException extends Exception {
  /** The failure classes, each with the HTTP status the faucet answers. */
  public enum Kind {
    /** Missing or malformed parameter, unknown currency: the caller must change the request. */
    BAD_REQUEST(400),
    /** The node refused a faucet transaction (validation, mempool): retrying may not help. */
    REJECTED(500),
    /** The node is busy or did not commit in time: retry later. */
    UNAVAILABLE(503);

    private final int httpStatus;

    Kind(int httpStatus) {
      this.httpStatus = httpStatus;
    }

    public int httpStatus() {
      return httpStatus;
    }
  }

  private final Kind kind;

  public FaucetException(Kind kind, String message) {
    super(message);
    this.kind = kind;
  }

  public FaucetException(Kind kind, String message, Throwable cause) {
    super(message, cause);
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }
}
