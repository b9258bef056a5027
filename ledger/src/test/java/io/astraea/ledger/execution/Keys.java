package io.astraea.ledger.execution;

import io.astraea.crypto.AccountAddress;
import io.astraea.crypto.AuthenticationKey;
import io.astraea.crypto.CryptoMaterialException;
import io.astraea.crypto.Ed25519PrivateKey;

/** Deterministic test keys derived from their index, made once per test JVM. */
final class Keys {
  private Keys() {}

  private static final java.util.Map<Integer, Ed25519PrivateKey> CACHE =
      new java.util.concurrent.ConcurrentHashMap<>();

  /** Deriving the public key is the expensive part, so keys are made once per test JVM. */
  static Ed25519PrivateKey key(int index) {
    return CACHE.computeIfAbsent(index, Keys::derive);
  }

  private static Ed25519PrivateKey derive(int index) {
    byte[] seed = new byte[32];
    for (int i = 0; i < 32; i++) {
      seed[i] = (byte) (index * 31 + i + 1);
    }
    try {
      return Ed25519PrivateKey.fromSeed(seed);
    } catch (CryptoMaterialException e) {
      throw new IllegalStateException(e);
    }
  }

  static AuthenticationKey authKey(Ed25519PrivateKey k) {
    return AuthenticationKey.ed25519(k.publicKey());
  }

  static AccountAddress address(Ed25519PrivateKey k) {
    return authKey(k).derivedAddress();
  }
}
