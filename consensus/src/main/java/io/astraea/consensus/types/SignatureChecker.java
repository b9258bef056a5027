package io.astraea.consensus.types;

import io.astraea.crypto.AccountAddress;
import io.astraea.crypto.Ed25519Signature;
import io.astraea.crypto.quorum.ValidatorVerifier;
import io.astraea.crypto.quorum.VerifyException;
import java.util.Map;

/**
 * Checks one validator's signature over a signing message. The production checker is Ed25519
 * through the epoch's {@link ValidatorVerifier}; it is an interface so a node can put a cache in
 * front of it (the same quorum certificate arrives in many messages) and so large simulations can
 * replace the curve arithmetic.
 */
@FunctionalInterface
public interface SignatureChecker {
  void verify(
      ValidatorVerifier verifier, AccountAddress author, byte[] message, Ed25519Signature signature)
      throws VerifyException;

  /** Real Ed25519 verification against the validator's registered key. */
  static SignatureChecker ed25519() {
    return ValidatorVerifier::verify;
  }

  /**
   * Whether {@code certificate} (an immutable QC, TC or block) already passed full verification
   * against this very {@code verifier}. Lets a caching checker skip re-verifying the certificate
   * every sync info repeats; the default remembers nothing.
   */
  default boolean isVerified(ValidatorVerifier verifier, Object certificate) {
    return false;
  }

  /** Records that {@code certificate} passed full verification against {@code verifier}. */
  default void recordVerified(ValidatorVerifier verifier, Object certificate) {}

  /** Checks that the signers hold a quorum, then every signature. */
  default void verifyQuorum(
      ValidatorVerifier verifier, byte[] message, Map<AccountAddress, Ed25519Signature> signatures)
      throws VerifyException {
    verifier.checkVotingPower(signatures.keySet());
    for (Map.Entry<AccountAddress, Ed25519Signature> e : signatures.entrySet()) {
      verify(verifier, e.getKey(), message, e.getValue());
    }
  }
}
