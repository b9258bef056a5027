package io.astraea.crypto.keys;

import io.astraea.crypto.CryptoMaterialException;
import io.astraea.crypto.Ed25519PrivateKey;
import io.astraea.crypto.Ed25519PublicKey;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.Arrays;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.edec.EdECObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemReader;
import org.bouncycastle.util.io.pem.PemWriter;

/**
 * PEM text forms of Ed25519 keys, the ones OpenSSL reads and writes ({@code openssl genpkey
 * -algorithm ed25519}, {@code openssl pkey -pubout}):
 *
 * <pre>
 * -----BEGIN PRIVATE KEY-----   PKCS#8 PrivateKeyInfo (RFC 5208 / RFC 8410):
 *   SEQUENCE { INTEGER 0, SEQUENCE { OID 1.3.101.112 }, OCTET STRING { OCTET STRING (32-byte seed) } }
 * -----BEGIN PUBLIC KEY-----    SubjectPublicKeyInfo (RFC 5280 / RFC 8410):
 *   SEQUENCE { SEQUENCE { OID 1.3.101.112 }, BIT STRING (32-byte key) }
 * </pre>
 *
 * Reading also accepts a PKCS#8 v2 (OneAsymmetricKey, RFC 5958) private key that carries its
 * public key, provided that public key matches the seed. Encrypted private keys are refused with a
 * message saying how to decrypt them.
 */
public final class KeyPem {
  public static final String PRIVATE_KEY_TYPE = "PRIVATE KEY";
  public static final String PUBLIC_KEY_TYPE = "PUBLIC KEY";

  private static final AlgorithmIdentifier ED25519 =
      new AlgorithmIdentifier(EdECObjectIdentifiers.id_Ed25519);

  private KeyPem() {}

  /** PKCS#8 PEM of a private key. */
  public static String encodePrivateKey(Ed25519PrivateKey key) {
    byte[] seed = key.seedBytes();
    try {
      byte[] der = new PrivateKeyInfo(ED25519, new DEROctetString(seed)).getEncoded("DER");
      return pem(PRIVATE_KEY_TYPE, der);
    } catch (IOException e) {
      throw new IllegalStateException("DER encoding of a private key failed", e);
    } finally {
      Arrays.fill(seed, (byte) 0);
    }
  }

  /** SubjectPublicKeyInfo PEM of a public key. */
  public static String encodePublicKey(Ed25519PublicKey key) {
    try {
      return pem(PUBLIC_KEY_TYPE, new SubjectPublicKeyInfo(ED25519, key.toBytes()).getEncoded("DER"));
    } catch (IOException e) {
      throw new IllegalStateException("DER encoding of a public key failed", e);
    }
  }

  /** Parses a PKCS#8 PEM Ed25519 private key. */
  public static Ed25519PrivateKey decodePrivateKey(String pem) throws KeyFileException {
    byte[] der = readPem(pem, PRIVATE_KEY_TYPE);
    PrivateKeyInfo info;
    byte[] seed;
    try {
      info = PrivateKeyInfo.getInstance(parseDer(der));
      checkAlgorithm(info.getPrivateKeyAlgorithm());
      ASN1Encodable inner = info.parsePrivateKey();
      seed = ASN1OctetString.getInstance(inner).getOctets();
    } catch (IOException | RuntimeException e) {
      throw malformed("not a PKCS#8 Ed25519 private key: " + e.getMessage(), e);
    }
    Ed25519PrivateKey key;
    try {
      key = Ed25519PrivateKey.fromSeed(seed);
    } catch (CryptoMaterialException e) {
      throw malformed(e.getMessage(), e);
    } finally {
      Arrays.fill(seed, (byte) 0);
    }
    if (info.getPublicKeyData() != null) {
      byte[] embedded = info.getPublicKeyData().getOctets();
      if (!Arrays.equals(embedded, key.publicKey().toBytes())) {
        throw malformed("the public key stored in the PKCS#8 file does not match its private key", null);
      }
    }
    return key;
  }

  /** Parses a SubjectPublicKeyInfo PEM Ed25519 public key. */
  public static Ed25519PublicKey decodePublicKey(String pem) throws KeyFileException {
    byte[] der = readPem(pem, PUBLIC_KEY_TYPE);
    byte[] raw;
    try {
      SubjectPublicKeyInfo info = SubjectPublicKeyInfo.getInstance(parseDer(der));
      checkAlgorithm(info.getAlgorithm());
      if (info.getPublicKeyData().getPadBits() != 0) {
        throw new IllegalArgumentException("public key bit string has padding bits");
      }
      raw = info.getPublicKeyData().getOctets();
    } catch (IOException | RuntimeException e) {
      throw malformed("not a SubjectPublicKeyInfo Ed25519 public key: " + e.getMessage(), e);
    }
    try {
      return Ed25519PublicKey.fromBytes(raw);
    } catch (CryptoMaterialException e) {
      throw malformed(e.getMessage(), e);
    }
  }

  private static ASN1Primitive parseDer(byte[] der) throws IOException {
    ASN1Primitive p = ASN1Primitive.fromByteArray(der);
    if (!Arrays.equals(p.getEncoded("DER"), der)) {
      throw new IOException("not canonical DER (or trailing bytes)");
    }
    return p;
  }

  private static void checkAlgorithm(AlgorithmIdentifier alg) {
    if (!EdECObjectIdentifiers.id_Ed25519.equals(alg.getAlgorithm())) {
      throw new IllegalArgumentException(
          "key algorithm is " + alg.getAlgorithm().getId() + ", expected Ed25519 (1.3.101.112)");
    }
    if (alg.getParameters() != null) {
      throw new IllegalArgumentException("Ed25519 algorithm identifier must have no parameters");
    }
  }

  private static String pem(String type, byte[] der) throws IOException {
    StringWriter out = new StringWriter();
    try (PemWriter w = new PemWriter(out)) {
      w.writeObject(new PemObject(type, der));
    }
    return out.toString();
  }

  private static byte[] readPem(String text, String expectedType) throws KeyFileException {
    PemObject obj;
    try (PemReader r = new PemReader(new StringReader(text))) {
      obj = r.readPemObject();
    } catch (IOException | RuntimeException e) {
      throw malformed("not valid PEM: " + e.getMessage(), e);
    }
    if (obj == null) {
      throw malformed("no PEM block found (expected -----BEGIN " + expectedType + "-----)", null);
    }
    String type = obj.getType();
    if (type.equals(expectedType)) {
      return obj.getContent();
    }
    if (type.equals("ENCRYPTED PRIVATE KEY")) {
      throw malformed(
          "encrypted private keys are not supported; decrypt it with: "
              + "openssl pkey -in FILE -out PLAIN.pem",
          null);
    }
    throw malformed("PEM block is '" + type + "', expected '" + expectedType + "'", null);
  }

  private static KeyFileException malformed(String message, Throwable cause) {
    return new KeyFileException(KeyFileException.Kind.MALFORMED, message, cause);
  }
}
