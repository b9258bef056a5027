package io.astraea.node.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.astraea.crypto.AccountAddress;
import io.astraea.crypto.Ed25519PrivateKey;
import io.astraea.crypto.HashValue;
import io.astraea.node.net.wire.ProtocolId;
import io.astraea.node.net.wire.WireMessage;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.concurrent.DefaultEventExecutorGroup;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The authenticated-link stage on an {@link EmbeddedChannel}: routing, RPC serving, liveness. */
class LinkHandlerTest {
  private static final AccountAddress SELF = AccountAddress.of("0x9");
  private static final AccountAddress PEER = AccountAddress.of("0x3");

  private final DefaultEventExecutorGroup timers = new DefaultEventExecutorGroup(1);
  private final NetworkConfig config =
      NetworkConfig.builder()
          .self(SELF)
          .networkKey(Ed25519PrivateKey.generate())
          .chainId(4)
          .genesisHash(HashValue.ZERO)
          .build();
  private final NetworkMetrics metrics = new NetworkMetrics();
  private final PeerLinks links =
      new PeerLinks(
          config,
          timers,
          p -> {
            throw new AssertionError("the higher address never dials");
          },
          "[test]");
  private final RpcClient rpc = new RpcClient(links, timers, config.maxFrameBytes());
  private final InboundRouter router = new InboundRouter(links, metrics, config.maxFrameBytes());
  private final List<String> delivered = new ArrayList<>();
  private final EmbeddedChannel channel;
  private final PeerLink link;

  LinkHandlerTest() {
    links.update(
        new PeerDirectory(
            SELF,
            List.of(new PeerInfo(PEER, Ed25519PrivateKey.generate().publicKey(), "127.0.0.1", 1))));
    link = links.get(PEER);
    LinkEnv env =
        new LinkEnv(config, null, null, null, null, links, router, rpc, metrics, null, new WarningThrottle(),
            "[test]");
    channel = new EmbeddedChannel(new LinkHandler(env, link));
    router.register(
        ProtocolId.CONSENSUS, (from, payload) -> delivered.add(from + ":" + payload[0]));
    router.register(
        ProtocolId.MEMPOOL,
        (from, payload) -> {
          throw new IllegalStateException("a buggy subsystem");
        });
  }

  @AfterEach
  void stop() {
    channel.finishAndReleaseAll();
    timers.shutdownGracefully(0, 1, TimeUnit.SECONDS);
  }

  @Test
  void routesByProtocolAndCountsUnroutedMessages() {
    channel.writeInbound(new WireMessage.DirectSend(ProtocolId.CONSENSUS, new byte[] {7}));
    channel.writeInbound(new WireMessage.DirectSend(ProtocolId.STATE_SYNC, new byte[] {8}));
    assertEquals(List.of(PEER + ":7"), delivered);
    assertEquals(1, metrics.snapshot().unroutedTotal());
    assertEquals(2, link.received.sum());
  }

  @Test
  void aThrowingHandlerDoesNotCloseTheLink() {
    channel.writeInbound(new WireMessage.DirectSend(ProtocolId.MEMPOOL, new byte[] {1}));
    channel.writeInbound(new WireMessage.DirectSend(ProtocolId.CONSENSUS, new byte[] {2}));
    assertTrue(channel.isActive());
    assertEquals(List.of(PEER + ":2"), delivered);
  }

  @Test
  void requestsAreAnsweredThroughThePeersQueue() {
    router.registerRpc(
        ProtocolId.BLOCK_RETRIEVAL,
        (from, req, responder) -> {
          responder.respond(new byte[] {(byte) (req[0] + 1)});
          responder.respond(new byte[] {99});
        });
    channel.writeInbound(
        new WireMessage.RpcRequest(ProtocolId.BLOCK_RETRIEVAL, 17, new byte[] {41}));
    channel.writeInbound(new WireMessage.RpcRequest(ProtocolId.STATE_SYNC, 18, new byte[] {1}));
    assertEquals(new WireMessage.RpcResponse(17, new byte[] {42}), link.queues.poll());
    WireMessage.RpcError error = assertInstanceOf(WireMessage.RpcError.class, link.queues.poll());
    assertEquals(18, error.requestId());
    assertNull(link.queues.poll(), "only the first answer counts");
  }

  @Test
  void writerIdlenessSendsAHeartbeatAndReaderIdlenessClosesTheLink() {
    channel.pipeline().fireUserEventTriggered(IdleStateEvent.FIRST_WRITER_IDLE_STATE_EVENT);
    assertEquals(new WireMessage.Heartbeat(), channel.readOutbound());
    assertTrue(channel.isOpen());
    channel.writeInbound(new WireMessage.Heartbeat());
    assertTrue(channel.isOpen());
    channel.pipeline().fireUserEventTriggered(IdleStateEvent.FIRST_READER_IDLE_STATE_EVENT);
    assertFalse(channel.isOpen());
  }

  @Test
  void aSecondHelloOrAGoodbyeClosesTheLink() {
    channel.writeInbound(
        new WireMessage.Hello(
            1, 4, HashValue.ZERO, PEER, Ed25519PrivateKey.generate().publicKey()));
    assertFalse(channel.isOpen());
    EmbeddedChannel other =
        new EmbeddedChannel(
            new LinkHandler(
                new LinkEnv(config, null, null, null, null, links, router, rpc, metrics, null, new WarningThrottle(),
                    "[t]"),
                link));
    other.writeInbound(new WireMessage.Goodbye("restarting"));
    assertFalse(other.isOpen());
  }
}
