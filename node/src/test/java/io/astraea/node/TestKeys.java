package io.astraea.node;

import io.astraea.crypto.AccountAddress;
import io.astraea.crypto.AuthenticationKey;
import io.astraea.crypto.CryptoMaterialException;
import io.astraea.crypto.Ed25519PrivateKey;

/** Deterministic Ed25519 keys for tests, so a failing test names the same accounts every run. */
public final class TestKeys {
  private TestKeys() {}

  /** The key with seed bytes {@code index * 31 + i + 1}. */
  public static Ed25519PrivateKey key(int index) {
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

  /** The account an Ed25519 key derives. */
  public static AccountAddress address(Ed25519PrivateKey k) {
    return AuthenticationKey.ed25519(k.publicKey()).derivedAddress();
  }
}
