package io.astraea.node.net;

/** Why an outbound request did not get a response; the {@link Kind} says what a caller can do. */
public final class RpcException extends Exception {
  /** The failure classes of a request. */
  public enum Kind {
    /** No response within the timeout. Retrying with another peer is reasonable. */
    TIMEOUT,
    /** The address is not a current validator. */
    UNKNOWN_PEER,
    /** The request or its response does not fit in a frame. */
    TOO_LARGE,
    /** The link to the peer dropped while the request was outstanding. */
    DISCONNECTED,
    /** The peer answered with an error (no handler, or the handler failed). */
    REMOTE_ERROR,
    /** The local network was closed. */
    CLOSED
  }

  private final Kind kind;

  public RpcException(Kind kind, String message) {
    super(message);
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }
}
