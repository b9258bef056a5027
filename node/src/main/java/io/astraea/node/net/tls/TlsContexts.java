package io.astraea.node.net.tls;

import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import javax.net.ssl.SSLException;

/**
 * The two Netty TLS contexts of a node: server side for accepted links, client side for dialled
 * links. Both are TLS 1.3 only, on the JDK provider (SunJSSE signs and verifies ed25519 since JDK
 * 15), present the node's {@link NetworkCertificate}, require the peer's certificate and judge it
 * with a {@link PinnedKeyTrustManager}. Host-name identification is switched off: peers are
 * identified by key, and the dialled address is checked again by the Hello.
 */
public record TlsContexts(SslContext server, SslContext client) {
  public static final String PROTOCOL = "TLSv1.3";

  public static TlsContexts create(NetworkCertificate identity, PinnedKeys pinned)
      throws SSLException {
    SingleKeyManager keys = new SingleKeyManager(identity);
    PinnedKeyTrustManager trust = new PinnedKeyTrustManager(pinned);
    SslContext server =
        SslContextBuilder.forServer(keys)
            .sslProvider(SslProvider.JDK)
            .protocols(PROTOCOL)
            .clientAuth(ClientAuth.REQUIRE)
            .trustManager(trust)
            .build();
    SslContext client =
        SslContextBuilder.forClient()
            .sslProvider(SslProvider.JDK)
            .protocols(PROTOCOL)
            .keyManager(keys)
            .trustManager(trust)
            .endpointIdentificationAlgorithm(null)
            .build();
    return new TlsContexts(server, client);
  }
}
