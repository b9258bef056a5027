package io.astraea.consensus.safety;

import io.astraea.crypto.AccountAddress;
import io.astraea.crypto.Ed25519PrivateKey;
import io.astraea.crypto.Ed25519Signature;

/**
 * The consensus key of one validator. Only {@link SafetyRules} holds an instance; the production
 * one signs with Ed25519.
 */
public interface ConsensusSigner {
  AccountAddress author();

  /** Signs a complete signing message (domain prefix included). */
  Ed25519Signature sign(byte[] message);

  static ConsensusSigner ed25519(AccountAddress author, Ed25519PrivateKey key) {
    return new ConsensusSigner() {
      @Override
      public AccountAddress author() {
        return author;
      }

      @Override
      public Ed25519Signature sign(byte[] message) {
        return key.sign(message);
      }

      @Override
      public String toString() {
        return "Ed25519Signer(" + author.toHex() + ")";
      }
    };
  }
}
