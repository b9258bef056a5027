package io.astraea.node.net.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.astraea.crypto.Ed25519PrivateKey;
import io.astraea.crypto.Ed25519PublicKey;
import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import java.net.InetSocketAddress;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Real TLS 1.3 handshakes on loopback between Ed25519 certificates, on the JDK provider. */
class TlsContextsTest {
  private static EventLoopGroup group;

  @BeforeAll
  static void startGroup() {
    group = new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory());
  }

  @AfterAll
  static void stopGroup() {
    group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
  }

  /** The outcome of one side's handshake: the peer's key on success, the cause on failure. */
  private static final class Outcome extends ChannelInboundHandlerAdapter {
    final CompletableFuture<Ed25519PublicKey> peerKey = new CompletableFuture<>();
    final CompletableFuture<String> protocol = new CompletableFuture<>();
    final CompletableFuture<String> cipherSuite = new CompletableFuture<>();

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
      if (evt instanceof SslHandshakeCompletionEvent e) {
        if (e.isSuccess()) {
          SslHandler ssl = ctx.pipeline().get(SslHandler.class);
          protocol.complete(ssl.engine().getSession().getProtocol());
          cipherSuite.complete(ssl.engine().getSession().getCipherSuite());
          peerKey.complete(
              Ed25519Jdk.publicKey(
                  (X509Certificate) ssl.engine().getSession().getPeerCertificates()[0]));
        } else {
          peerKey.completeExceptionally(e.cause());
        }
      }
      super.userEventTriggered(ctx, evt);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
      peerKey.completeExceptionally(new IllegalStateException("closed before handshake"));
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
      ctx.close();
    }
  }

  private record Handshake(Outcome server, Outcome client) {}

  private Handshake handshake(TlsContexts serverSide, TlsContexts clientSide) {
    Outcome server = new Outcome();
    Outcome client = new Outcome();
    Channel listener =
        new ServerBootstrap()
            .group(group)
            .channel(NioServerSocketChannel.class)
            .childHandler(
                new ChannelInitializer<SocketChannel>() {
                  @Override
                  protected void initChannel(SocketChannel ch) {
                    ch.pipeline().addLast(serverSide.server().newHandler(ch.alloc()), server);
                  }
                })
            .bind(new InetSocketAddress("127.0.0.1", 0))
            .syncUninterruptibly()
            .channel();
    try {
      Channel conn =
          new Bootstrap()
              .group(group)
              .channel(NioSocketChannel.class)
              .handler(
                  new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                      ch.pipeline().addLast(clientSide.client().newHandler(ch.alloc()), client);
                    }
                  })
              .connect(listener.localAddress())
              .syncUninterruptibly()
              .channel();
      server.peerKey.handle((k, e) -> null).orTimeout(10, TimeUnit.SECONDS).join();
      client.peerKey.handle((k, e) -> null).orTimeout(10, TimeUnit.SECONDS).join();
      conn.close().syncUninterruptibly();
    } finally {
      listener.close().syncUninterruptibly();
    }
    return new Handshake(server, client);
  }

  private static TlsContexts contexts(Ed25519PrivateKey own, Ed25519PublicKey... trusted)
      throws Exception {
    return TlsContexts.create(NetworkCertificate.create(own), new PinnedKeys(List.of(trusted)));
  }

  @Test
  void pinnedEd25519KeysCompleteMutualTls13() throws Exception {
    Ed25519PrivateKey a = Ed25519PrivateKey.generate();
    Ed25519PrivateKey b = Ed25519PrivateKey.generate();
    Handshake h = handshake(contexts(a, b.publicKey()), contexts(b, a.publicKey()));
    assertEquals(b.publicKey(), h.server.peerKey.join());
    assertEquals(a.publicKey(), h.client.peerKey.join());
    assertEquals("TLSv1.3", h.server.protocol.join());
  }

  @Test
  void linksUseTheSuiteThisJvmComputesFastest() throws Exception {
    Ed25519PrivateKey a = Ed25519PrivateKey.generate();
    Ed25519PrivateKey b = Ed25519PrivateKey.generate();
    Handshake h = handshake(contexts(a, b.publicKey()), contexts(b, a.publicKey()));
    assertEquals(TlsCiphers.forThisJvm().get(0), h.server.cipherSuite.join());
    assertEquals(TlsCiphers.forThisJvm().get(0), h.client.cipherSuite.join());
  }

  /** Nodes started with different JVM options prefer different suites; the server's first wins. */
  @Test
  void theServersPreferenceDecidesBetweenNodesThatDiffer() throws Exception {
    Ed25519PrivateKey a = Ed25519PrivateKey.generate();
    Ed25519PrivateKey b = Ed25519PrivateKey.generate();
    for (boolean serverHasC2 : new boolean[] {true, false}) {
      TlsContexts server =
          TlsContexts.create(NetworkCertificate.create(a), new PinnedKeys(List.of(b.publicKey())),
              TlsCiphers.preferring(serverHasC2));
      TlsContexts client =
          TlsContexts.create(NetworkCertificate.create(b), new PinnedKeys(List.of(a.publicKey())),
              TlsCiphers.preferring(!serverHasC2));
      Handshake h = handshake(server, client);
      assertEquals(TlsCiphers.preferring(serverHasC2).get(0), h.client.cipherSuite.join());
    }
  }

  @Test
  void serverRefusesAClientWhoseKeyIsNotPinned() throws Exception {
    Ed25519PrivateKey server = Ed25519PrivateKey.generate();
    Ed25519PrivateKey member = Ed25519PrivateKey.generate();
    Ed25519PrivateKey stranger = Ed25519PrivateKey.generate();
    Handshake h =
        handshake(contexts(server, member.publicKey()), contexts(stranger, server.publicKey()));
    assertTrue(h.server.peerKey.isCompletedExceptionally());
    Throwable cause = h.server.peerKey.handle((k, e) -> e).join();
    assertInstanceOf(SSLHandshakeException.class, cause);
    assertTrue(
        String.valueOf(cause.getMessage()).contains("not in the validator set")
            || String.valueOf(cause.getCause()).contains("not in the validator set"),
        cause::toString);
  }

  @Test
  void clientRefusesAServerWhoseKeyIsNotPinned() throws Exception {
    Ed25519PrivateKey server = Ed25519PrivateKey.generate();
    Ed25519PrivateKey client = Ed25519PrivateKey.generate();
    Ed25519PrivateKey expected = Ed25519PrivateKey.generate();
    Handshake h =
        handshake(contexts(server, client.publicKey()), contexts(client, expected.publicKey()));
    assertTrue(h.client.peerKey.isCompletedExceptionally());
    assertFalse(h.server.peerKey.isDone() && !h.server.peerKey.isCompletedExceptionally());
  }

  @Test
  void replacingThePinnedSetAdmitsANewKey() throws Exception {
    Ed25519PrivateKey server = Ed25519PrivateKey.generate();
    Ed25519PrivateKey newcomer = Ed25519PrivateKey.generate();
    PinnedKeys pinned = new PinnedKeys(List.of());
    TlsContexts serverSide = TlsContexts.create(NetworkCertificate.create(server), pinned);
    TlsContexts clientSide = contexts(newcomer, server.publicKey());
    assertTrue(handshake(serverSide, clientSide).server.peerKey.isCompletedExceptionally());
    pinned.replace(List.of(newcomer.publicKey()));
    assertEquals(newcomer.publicKey(), handshake(serverSide, clientSide).server.peerKey.join());
  }
}
