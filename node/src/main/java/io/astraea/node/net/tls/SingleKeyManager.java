package io.astraea.node.net.tls;

import java.net.Socket;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedKeyManager;

/**
 * Presents the node's one network certificate on both sides of a link, without a key store. JSSE
 * asks per key type (for Ed25519 it asks for {@code "EdDSA"}); any other type gets no alias, so the
 * JDK negotiates the ed25519 signature scheme or fails the handshake.
 */
final class SingleKeyManager extends X509ExtendedKeyManager {
  private static final String ALIAS = "astraea-network";

  private final NetworkCertificate identity;

  SingleKeyManager(NetworkCertificate identity) {
    this.identity = identity;
  }

  private String aliasFor(String keyType) {
    if (keyType == null) {
      return null;
    }
    String algorithm = identity.jdkPrivateKey().getAlgorithm();
    return keyType.equalsIgnoreCase(algorithm) || keyType.equalsIgnoreCase("Ed25519")
        ? ALIAS
        : null;
  }

  private String aliasFor(String[] keyTypes) {
    if (keyTypes == null) {
      return null;
    }
    for (String type : keyTypes) {
      String alias = aliasFor(type);
      if (alias != null) {
        return alias;
      }
    }
    return null;
  }

  @Override
  public String[] getClientAliases(String keyType, Principal[] issuers) {
    String alias = aliasFor(keyType);
    return alias == null ? null : new String[] {alias};
  }

  @Override
  public String chooseClientAlias(String[] keyTypes, Principal[] issuers, Socket socket) {
    return aliasFor(keyTypes);
  }

  @Override
  public String chooseEngineClientAlias(String[] keyTypes, Principal[] issuers, SSLEngine engine) {
    return aliasFor(keyTypes);
  }

  @Override
  public String[] getServerAliases(String keyType, Principal[] issuers) {
    return getClientAliases(keyType, issuers);
  }

  @Override
  public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
    return aliasFor(keyType);
  }

  @Override
  public String chooseEngineServerAlias(String keyType, Principal[] issuers, SSLEngine engine) {
    return aliasFor(keyType);
  }

  @Override
  public X509Certificate[] getCertificateChain(String alias) {
    return ALIAS.equals(alias) ? new X509Certificate[] {identity.certificate()} : null;
  }

  @Override
  public PrivateKey getPrivateKey(String alias) {
    return ALIAS.equals(alias) ? identity.jdkPrivateKey() : null;
  }
}
