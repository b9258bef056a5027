package io.astraea.node.net;

import static io.astraea.node.net.TestNode.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.astraea.crypto.AccountAddress;
import io.astraea.crypto.Ed25519PrivateKey;
import io.astraea.node.net.tls.NetworkCertificate;
import io.astraea.node.net.tls.PinnedKeys;
import io.astraea.node.net.tls.TlsContexts;
import io.astraea.node.net.wire.FrameDecoder;
import io.astraea.node.net.wire.ProtocolId;
import io.astraea.node.net.wire.WireDecoder;
import io.astraea.node.net.wire.WireEncoder;
import io.astraea.node.net.wire.WireMessage;
import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.ssl.SslHandler;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A validator whose key is pinned but who breaks the protocol after TLS, driven frame by frame from
 * a raw Netty client. Every violation closes its link and is counted; nothing it sends before a
 * valid Hello reaches a handler.
 */
class MisbehavingPeerTest {
  private static final AccountAddress ROGUE = AccountAddress.of("0x1");

  private final Ed25519PrivateKey rogueKey = Ed25519PrivateKey.generate();
  private final EventLoopGroup group =
      new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
  private final LinkedBlockingQueue<WireMessage> fromNode = new LinkedBlockingQueue<>();
  private TestNode node;
  private Channel rogue;

  @BeforeEach
  void start() throws Exception {
    node =
        TestNode.create("0x2", b -> b.helloTimeout(Duration.ofMillis(500)).maxFrameBytes(4096))
            .start();
    node.peers(List.of(node.info(), new PeerInfo(ROGUE, rogueKey.publicKey(), "127.0.0.1", 1)));
    TlsContexts tls =
        TlsContexts.create(
            NetworkCertificate.create(rogueKey), new PinnedKeys(List.of(node.key.publicKey())));
    rogue =
        new Bootstrap()
            .group(group)
            .channel(NioSocketChannel.class)
            .handler(
                new ChannelInitializer<SocketChannel>() {
                  @Override
                  protected void initChannel(SocketChannel ch) {
                    ch.pipeline()
                        .addLast(tls.client().newHandler(ch.alloc()))
                        .addLast(new FrameDecoder(1 << 20), new WireDecoder())
                        .addLast(new WireEncoder(1 << 20))
                        .addLast(
                            new SimpleChannelInboundHandler<WireMessage>() {
                              @Override
                              protected void channelRead0(
                                  ChannelHandlerContext ctx, WireMessage msg) {
                                fromNode.add(msg);
                              }
                            });
                  }
                })
            .connect(node.bound)
            .syncUninterruptibly()
            .channel();
    rogue.pipeline().get(SslHandler.class).handshakeFuture().sync();
  }

  @AfterEach
  void stop() {
    rogue.close();
    node.close();
    group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
  }

  private WireMessage next() throws InterruptedException {
    return fromNode.poll(5, TimeUnit.SECONDS);
  }

  private void sendValidHello() {
    rogue.writeAndFlush(
        new WireMessage.Hello(1, TestNode.CHAIN_ID, TestNode.GENESIS, ROGUE, rogueKey.publicKey()));
  }

  private void assertClosedWithNothingDelivered() throws InterruptedException {
    assertTrue(rogue.closeFuture().await(5, TimeUnit.SECONDS), "the node closed the link");
    assertNull(node.inbox.poll(50, TimeUnit.MILLISECONDS));
  }

  @Test
  void aMessageBeforeTheHelloIsRefused() throws Exception {
    rogue.writeAndFlush(new WireMessage.DirectSend(ProtocolId.CONSENSUS, new byte[] {1}));
    assertInstanceOf(WireMessage.Hello.class, next());
    WireMessage.Goodbye bye = assertInstanceOf(WireMessage.Goodbye.class, next());
    assertTrue(bye.reason().startsWith("PROTOCOL"), bye.reason());
    assertClosedWithNothingDelivered();
    assertEquals(1, node.network.stats().helloRejectedTotal());
  }

  @Test
  void silenceAfterTlsTimesOut() throws Exception {
    assertInstanceOf(WireMessage.Hello.class, next());
    WireMessage.Goodbye bye = assertInstanceOf(WireMessage.Goodbye.class, next());
    assertTrue(bye.reason().contains("no Hello within"), bye.reason());
    assertClosedWithNothingDelivered();
  }

  @Test
  void aHugeLengthPrefixAfterTheHelloClosesTheLink() throws Exception {
    sendValidHello();
    await("the rogue is connected", () -> node.network.state(ROGUE) == PeerState.CONNECTED);
    rogue.writeAndFlush(Unpooled.buffer().writeInt(Integer.MAX_VALUE).writeLong(0));
    assertClosedWithNothingDelivered();
    await("counted", () -> node.network.stats().oversizedFramesTotal() == 1);
    await("link dropped", () -> node.network.state(ROGUE) == PeerState.DISCONNECTED);
  }

  @Test
  void anUndecodableFrameAfterTheHelloClosesTheLink() throws Exception {
    sendValidHello();
    await("the rogue is connected", () -> node.network.state(ROGUE) == PeerState.CONNECTED);
    rogue.writeAndFlush(new WireMessage.DirectSend(ProtocolId.CONSENSUS, new byte[] {5}));
    assertEquals(new TestNode.Received(ROGUE, ProtocolId.CONSENSUS, "\u0005"), node.take());
    rogue.writeAndFlush(Unpooled.buffer().writeInt(2).writeByte(9).writeByte(0));
    assertClosedWithNothingDelivered();
    await("counted", () -> node.network.stats().malformedTotal() == 1);
  }
}
