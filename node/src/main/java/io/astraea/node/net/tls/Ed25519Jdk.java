package io.astraea.node.net.tls;

import io.astraea.crypto.CryptoMaterialException;
import io.astraea.crypto.Ed25519PrivateKey;
import io.astraea.crypto.Ed25519PublicKey;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Arrays;

/**
 * Converts between the project's raw Ed25519 keys and the JDK's key objects, which JSSE needs to
 * sign the TLS CertificateVerify message and to read a peer's certificate.
 *
 * <p>Both encodings are the fixed RFC 8410 forms, so a plain prefix is enough:
 *
 * <pre>
 * PKCS#8 private key   30 2e 02 01 00 30 05 06 03 2b 65 70 04 22 04 20 || seed (32)
 * SubjectPublicKeyInfo 30 2a 30 05 06 03 2b 65 70 03 21 00             || key  (32)
 * </pre>
 */
public final class Ed25519Jdk {
  private static final byte[] PKCS8_PREFIX = {
    0x30, 0x2e, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x04, 0x22, 0x04, 0x20
  };
  private static final byte[] SPKI_PREFIX = {
    0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00
  };

  private Ed25519Jdk() {}

  /** The JDK (SunEC) form of a private key, for JSSE. */
  public static PrivateKey privateKey(Ed25519PrivateKey key) {
    byte[] seed = key.seedBytes();
    byte[] encoded = new byte[PKCS8_PREFIX.length + seed.length];
    System.arraycopy(PKCS8_PREFIX, 0, encoded, 0, PKCS8_PREFIX.length);
    System.arraycopy(seed, 0, encoded, PKCS8_PREFIX.length, seed.length);
    Arrays.fill(seed, (byte) 0);
    try {
      return KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(encoded));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK refused an Ed25519 PKCS#8 key", e);
    } finally {
      Arrays.fill(encoded, (byte) 0);
    }
  }

  /** The raw 32-byte form of the SubjectPublicKeyInfo {@code encoded}, or an exception. */
  public static Ed25519PublicKey publicKey(byte[] encoded) throws CertificateException {
    if (encoded == null
        || encoded.length != SPKI_PREFIX.length + Ed25519PublicKey.LENGTH
        || !Arrays.equals(encoded, 0, SPKI_PREFIX.length, SPKI_PREFIX, 0, SPKI_PREFIX.length)) {
      throw new CertificateException("certificate key is not an Ed25519 key");
    }
    try {
      return Ed25519PublicKey.fromBytes(
          Arrays.copyOfRange(encoded, SPKI_PREFIX.length, encoded.length));
    } catch (CryptoMaterialException e) {
      throw new CertificateException(
          "certificate key is not a valid Ed25519 key: " + e.getMessage());
    }
  }

  /** The Ed25519 key a certificate certifies, or an exception if it holds any other kind. */
  public static Ed25519PublicKey publicKey(X509Certificate certificate)
      throws CertificateException {
    PublicKey key = certificate.getPublicKey();
    return publicKey(key == null ? null : key.getEncoded());
  }
}
