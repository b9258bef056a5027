package io.astraea.node.net.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.astraea.crypto.Ed25519PrivateKey;
import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;

/** Certificates made from network keys, and the pinned-key admission rule. */
class PinnedKeyTrustManagerTest {
  private final Ed25519PrivateKey member = Ed25519PrivateKey.generate();
  private final PinnedKeys pinned = new PinnedKeys(List.of(member.publicKey()));
  private final PinnedKeyTrustManager trust = new PinnedKeyTrustManager(pinned);

  @Test
  void theCertificateCarriesTheNetworkKeyAndIsSelfSigned() throws Exception {
    NetworkCertificate c = NetworkCertificate.create(member);
    X509Certificate cert = c.certificate();
    assertEquals(member.publicKey(), Ed25519Jdk.publicKey(cert));
    assertEquals("Ed25519", cert.getSigAlgName());
    cert.verify(cert.getPublicKey());
    cert.checkValidity();
    assertEquals(-1, cert.getBasicConstraints(), "not a CA");
    assertEquals(member.publicKey(), trust.admit(new X509Certificate[] {cert}));
    trust.checkClientTrusted(new X509Certificate[] {cert}, "EdDSA");
    trust.checkServerTrusted(new X509Certificate[] {cert}, "EdDSA");
  }

  @Test
  void anUnpinnedKeyIsRefusedUntilTheSetChanges() throws Exception {
    Ed25519PrivateKey newcomer = Ed25519PrivateKey.generate();
    X509Certificate[] chain = {NetworkCertificate.create(newcomer).certificate()};
    CertificateException e =
        assertThrows(CertificateException.class, () -> trust.checkClientTrusted(chain, "EdDSA"));
    assertTrue(e.getMessage().contains("not in the validator set"));
    pinned.replace(List.of(member.publicKey(), newcomer.publicKey()));
    assertEquals(newcomer.publicKey(), trust.admit(chain));
    pinned.replace(List.of(newcomer.publicKey()));
    assertThrows(
        CertificateException.class,
        () -> trust.admit(new X509Certificate[] {NetworkCertificate.create(member).certificate()}));
  }

  @Test
  void chainsAndOtherKeyTypesAreRefused() throws Exception {
    X509Certificate own = NetworkCertificate.create(member).certificate();
    assertThrows(CertificateException.class, () -> trust.admit(new X509Certificate[] {own, own}));
    assertThrows(CertificateException.class, () -> trust.admit(new X509Certificate[0]));
    assertThrows(CertificateException.class, () -> trust.admit(null));

    KeyPairGenerator gen = KeyPairGenerator.getInstance("EC");
    gen.initialize(256);
    KeyPair ec = gen.generateKeyPair();
    X500Name name = new X500Name("CN=ec");
    X509Certificate ecCert =
        new JcaX509CertificateConverter()
            .getCertificate(
                new JcaX509v3CertificateBuilder(
                        name,
                        BigInteger.ONE,
                        new Date(0),
                        new Date(4_000_000_000_000L),
                        name,
                        ec.getPublic())
                    .build(new JcaContentSignerBuilder("SHA256withECDSA").build(ec.getPrivate())));
    CertificateException e =
        assertThrows(CertificateException.class, () -> trust.admit(new X509Certificate[] {ecCert}));
    assertTrue(e.getMessage().contains("not an Ed25519 key"));
  }

  @Test
  void aCertificateWithAForeignSignatureIsRefused() throws Exception {
    // One flipped bit in the signature: the certificate is no longer signed by its own key.
    X509Certificate good = NetworkCertificate.create(member).certificate();
    byte[] der = good.getEncoded();
    der[der.length - 1] ^= 1;
    X509Certificate tampered =
        (X509Certificate)
            CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(der));
    CertificateException e =
        assertThrows(
            CertificateException.class, () -> trust.admit(new X509Certificate[] {tampered}));
    assertTrue(e.getMessage().contains("self-signed"), e.getMessage());
  }
}
