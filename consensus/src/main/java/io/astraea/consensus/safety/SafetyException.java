package io.astraea.consensus.safety;

/**
 * Safety rules refused to sign. The {@link Reason} tells a caller whether this is an expected
 * refusal (an old round, an unsafe proposal) or a malformed request.
 */
public final class SafetyException extends Exception {
  /** Why a signature was refused. */
  public enum Reason {
    WRONG_EPOCH,
    ROUND_ALREADY_VOTED,
    NOT_SAFE_TO_VOTE,
    NOT_SAFE_TO_TIMEOUT,
    INVALID_PROPOSAL
  }

  private final Reason reason;

  public SafetyException(Reason reason, String message) {
    super(reason + ": " + message);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
