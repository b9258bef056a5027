package io.astraea.node.net.tls;

import io.astraea.crypto.Ed25519PrivateKey;
import io.astraea.crypto.Ed25519PublicKey;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.edec.EdECObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;

/**
 * A validator's TLS identity: a self-signed X.509 certificate for its Ed25519 network key, made in
 * memory at every start. Nothing about the certificate but its key matters to peers (they pin keys,
 * not names or issuers), so it is never written to disk and its validity window is wide.
 */
public final class NetworkCertificate {
  private static final Duration BACKDATE = Duration.ofHours(1);
  private static final Duration LIFETIME = Duration.ofDays(3650);

  private final Ed25519PublicKey publicKey;
  private final PrivateKey jdkPrivateKey;
  private final X509Certificate certificate;

  private NetworkCertificate(
      Ed25519PublicKey publicKey, PrivateKey jdkPrivateKey, X509Certificate certificate) {
    this.publicKey = publicKey;
    this.jdkPrivateKey = jdkPrivateKey;
    this.certificate = certificate;
  }

  /** Builds the certificate, signing it with {@code key} itself. */
  public static NetworkCertificate create(Ed25519PrivateKey key) {
    Ed25519PublicKey pub = key.publicKey();
    X500Name name = new X500Name("CN=astraea-validator-" + pub.toHex().substring(0, 16));
    Instant now = Instant.now();
    SubjectPublicKeyInfo spki =
        new SubjectPublicKeyInfo(
            new AlgorithmIdentifier(EdECObjectIdentifiers.id_Ed25519), pub.toBytes());
    try {
      X509v3CertificateBuilder builder =
          new X509v3CertificateBuilder(
              name,
              new BigInteger(63, new SecureRandom()),
              Date.from(now.minus(BACKDATE)),
              Date.from(now.plus(LIFETIME)),
              name,
              spki);
      builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
      builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
      byte[] der = builder.build(new Ed25519Signer(key)).getEncoded();
      X509Certificate cert =
          (X509Certificate)
              CertificateFactory.getInstance("X.509")
                  .generateCertificate(new ByteArrayInputStream(der));
      return new NetworkCertificate(pub, Ed25519Jdk.privateKey(key), cert);
    } catch (IOException | CertificateException e) {
      throw new IllegalStateException("could not build the network certificate", e);
    }
  }

  public Ed25519PublicKey publicKey() {
    return publicKey;
  }

  /** The JDK form of the private key, handed only to the TLS key manager. */
  PrivateKey jdkPrivateKey() {
    return jdkPrivateKey;
  }

  public X509Certificate certificate() {
    return certificate;
  }

  /** Signs the to-be-signed certificate bytes with the project's own Ed25519 implementation. */
  private static final class Ed25519Signer implements ContentSigner {
    private final Ed25519PrivateKey key;
    private final ByteArrayOutputStream tbs = new ByteArrayOutputStream();

    Ed25519Signer(Ed25519PrivateKey key) {
      this.key = key;
    }

    @Override
    public AlgorithmIdentifier getAlgorithmIdentifier() {
      return new AlgorithmIdentifier(EdECObjectIdentifiers.id_Ed25519);
    }

    @Override
    public OutputStream getOutputStream() {
      return tbs;
    }

    @Override
    public byte[] getSignature() {
      return key.sign(tbs.toByteArray()).toBytes();
    }
  }
}
