package io.astraea.ledger.types;

import java.util.Objects;

/**
 * The outcome of checking a transaction's signature. Invalid signatures are a normal, expected
 * input (hostile or corrupted transactions), so they are a value the caller maps to Diem's
 * {@link StatusCode#INVALID_SIGNATURE}, not an exception.
 */
public sealed interface SignatureCheck {
  Valid VALID = new Valid();

  boolean isValid();

  static SignatureCheck invalid(String reason) {
    return new Invalid(reason);
  }

  /** The signature verifies under the authenticator's key. */
  record Valid() implements SignatureCheck {
    @Override
    public boolean isValid() {
      return true;
    }
  }

  /** The signature does not verify; {@code reason} says why, for logs. */
  record Invalid(String reason) implements SignatureCheck {
    public Invalid {
      Objects.requireNonNull(reason, "reason");
    }

    @Override
    public boolean isValid() {
      return false;
    }

    /** The status a transaction with this signature is discarded with. */
    public StatusCode status() {
      return StatusCode.INVALID_SIGNATURE;
    }
  }
}
