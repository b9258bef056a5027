package io.astraea.node.net;

/** A peer's Hello was refused; the link is closed with the reason logged on both sides. */
public final class HelloRejectedException extends Exception {
  /** Why a Hello was refused. */
  public enum Reason {
    PROTOCOL_VERSION,
    CHAIN_ID,
    GENESIS,
    /** The peer claims this node's own address. */
    SELF,
    /** The claimed address is not in the current validator set. */
    UNKNOWN_VALIDATOR,
    /** The claimed identity's network key is not the key of the TLS certificate. */
    KEY_MISMATCH,
    /** We dialled one validator and another answered. */
    UNEXPECTED_PEER,
    /** The peer dialled us although the dial rule says we dial it. */
    DIAL_RULE,
    /** Something other than a Hello came first, or nothing came in time. */
    PROTOCOL
  }

  private final Reason reason;

  public HelloRejectedException(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
