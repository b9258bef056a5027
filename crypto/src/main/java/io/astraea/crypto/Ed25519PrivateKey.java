package io.astraea.crypto;

import java.security.SecureRandom;
import java.util.Arrays;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/**
 * An Ed25519 private key (the 32-byte RFC 8032 seed). Never printed: {@link #toString} is
 * redacted so a key cannot leak into a log line by accident.
 */
public final class Ed25519PrivateKey {
  public static final int LENGTH = 32;

  private final byte[] seed;
  private final Ed25519PublicKey publicKey;

  private Ed25519PrivateKey(byte[] seed) {
    this.seed = seed;
    byte[] pk = new byte[Ed25519PublicKey.LENGTH];
    Ed25519.generatePublicKey(seed, 0, pk, 0);
    try {
      this.publicKey = Ed25519PublicKey.fromBytes(pk);
    } catch (CryptoMaterialException e) {
      throw new IllegalStateException("derived public key failed validation", e);
    }
  }

  public static Ed25519PrivateKey generate(SecureRandom random) {
    byte[] seed = new byte[LENGTH];
    Ed25519.generatePrivateKey(random, seed);
    return new Ed25519PrivateKey(seed);
  }

  public static Ed25519PrivateKey generate() {
    return generate(new SecureRandom());
  }

  public static Ed25519PrivateKey fromSeed(byte[] seed) throws CryptoMaterialException {
    if (seed.length != LENGTH) {
      throw new CryptoMaterialException("an Ed25519 private key is 32 bytes, got " + seed.length);
    }
    return new Ed25519PrivateKey(seed.clone());
  }

  public Ed25519PublicKey publicKey() {
    return publicKey;
  }

  /** Signs raw message bytes (callers pass a {@link CryptoHasher#signingMessage}). */
  public Ed25519Signature sign(byte[] message) {
    byte[] sig = new byte[Ed25519Signature.LENGTH];
    Ed25519.sign(seed, 0, message, 0, message.length, sig, 0);
    return Ed25519Signature.adopt(sig);
  }

  /** The raw seed, for writing a key file only. */
  public byte[] seedBytes() {
    return seed.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Ed25519PrivateKey k && Arrays.equals(seed, k.seed);
  }

  @Override
  public int hashCode() {
    return publicKey.hashCode();
  }

  @Override
  public String toString() {
    return "Ed25519PrivateKey(public=" + publicKey + ")";
  }
}
