package io.astraea.node.net.tls;

import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import io.netty.handler.ssl.SupportedCipherSuiteFilter;
import java.util.List;
import javax.net.ssl.SSLException;

/**
 * The two Netty TLS contexts of a node: server side for accepted links, client side for dialled
 * links. Both are TLS 1.3 only, on the JDK provider (SunJSSE signs and verifies ed25519 since JDK
 * 15), present the node's {@link NetworkCertificate}, require the peer's certificate and judge it
 * with a {@link PinnedKeyTrustManager}. Host-name identification is switched off: peers are
 * identified by key, and the dialled address is checked again by the Hello. The cipher suites are
 * {@link TlsCiphers#forThisJvm}, fastest first.
 */
public record TlsContexts(SslContext server, SslContext client) {
  public static final String PROTOCOL = "TLSv1.3";

  public static TlsContexts create(NetworkCertificate identity, PinnedKeys pinned)
      throws SSLException {
    return create(identity, pinned, TlsCiphers.forThisJvm());
  }

  /** Contexts offering {@code ciphers}, in that order of preference. */
  static TlsContexts create(NetworkCertificate identity, PinnedKeys pinned, List<String> ciphers)
      throws SSLException {
    SingleKeyManager keys = new SingleKeyManager(identity);
    PinnedKeyTrustManager trust = new PinnedKeyTrustManager(pinned);
    SslContext server =
        SslContextBuilder.forServer(keys)
            .sslProvider(SslProvider.JDK)
            .protocols(PROTOCOL)
            .ciphers(ciphers, SupportedCipherSuiteFilter.INSTANCE)
            .clientAuth(ClientAuth.REQUIRE)
            .trustManager(trust)
            .build();
    SslContext client =
        SslContextBuilder.forClient()
            .sslProvider(SslProvider.JDK)
            .protocols(PROTOCOL)
            .ciphers(ciphers, SupportedCipherSuiteFilter.INSTANCE)
            .keyManager(keys)
            .trustManager(trust)
            .endpointIdentificationAlgorithm(null)
            .build();
    return new TlsContexts(server, client);
  }
}
