package io.astraea.node.net.tls;

import io.astraea.crypto.Ed25519PublicKey;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Admits a TLS peer only if its single, self-signed certificate carries an Ed25519 key that is in
 * the {@link PinnedKeys}. There is no CA, no chain building and no host-name check: membership of
 * the key is the whole trust decision, and proof of possession of the key is TLS's own
 * CertificateVerify. Validity dates are not checked either, because certificates are regenerated at
 * every start and a key stays trusted exactly as long as it is in the validator set.
 *
 * <p>Both directions use the same rule, so a stranger is refused during the handshake whether it
 * dials or is dialled, before any application byte is decrypted.
 */
public final class PinnedKeyTrustManager extends X509ExtendedTrustManager {
  private final PinnedKeys pinned;

  public PinnedKeyTrustManager(PinnedKeys pinned) {
    this.pinned = pinned;
  }

  /** The key the chain authenticates, if it is admitted; a {@link CertificateException} if not. */
  public Ed25519PublicKey admit(X509Certificate[] chain) throws CertificateException {
    if (chain == null || chain.length != 1) {
      throw new CertificateException(
          "expected exactly one self-signed certificate, got "
              + (chain == null ? 0 : chain.length));
    }
    X509Certificate cert = chain[0];
    Ed25519PublicKey key = Ed25519Jdk.publicKey(cert);
    try {
      cert.verify(cert.getPublicKey());
    } catch (GeneralSecurityException e) {
      throw new CertificateException(
          "certificate is not self-signed by its key: " + e.getMessage());
    }
    if (!pinned.contains(key)) {
      throw new CertificateException("network key " + key.toHex() + " is not in the validator set");
    }
    return key;
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType)
      throws CertificateException {
    admit(chain);
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType)
      throws CertificateException {
    admit(chain);
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
      throws CertificateException {
    admit(chain);
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
      throws CertificateException {
    admit(chain);
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
      throws CertificateException {
    admit(chain);
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
      throws CertificateException {
    admit(chain);
  }

  @Override
  public X509Certificate[] getAcceptedIssuers() {
    return new X509Certificate[0];
  }
}
