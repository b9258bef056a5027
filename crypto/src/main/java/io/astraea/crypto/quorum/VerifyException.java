package io.astraea.crypto.quorum;

/**
 * A certificate, vote or signed message failed verification against an epoch's validator set.
 * The {@link Kind} says why, so callers can count and log each failure class separately.
 */
public final class VerifyException extends Exception {
  /** The failure classes of quorum verification. */
  public enum Kind {
    UNKNOWN_AUTHOR,
    INVALID_SIGNATURE,
    TOO_LITTLE_VOTING_POWER,
    DUPLICATE_SIGNER,
    WRONG_EPOCH,
    INCONSISTENT
  }

  private final Kind kind;

  public VerifyException(Kind kind, String message) {
    super(kind + ": " + message);
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }
}
