package io.astraea.node.net;

import static io.astraea.node.net.TestNode.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.astraea.crypto.AccountAddress;
import io.astraea.crypto.Ed25519PrivateKey;
import io.astraea.crypto.HashValue;
import io.astraea.node.net.TestNode.Received;
import io.astraea.node.net.wire.ProtocolId;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Validators on real loopback sockets with mutual TLS. */
class NetworkTest {
  private final List<TestNode> nodes = new ArrayList<>();

  private TestNode node(String address) throws NetworkException {
    TestNode n = TestNode.create(address).start();
    nodes.add(n);
    return n;
  }

  private TestNode node(String address, UnaryOperator<NetworkConfig.Builder> tweak)
      throws NetworkException {
    TestNode n = TestNode.create(address, tweak).start();
    nodes.add(n);
    return n;
  }

  @AfterEach
  void closeAll() {
    for (TestNode n : nodes) {
      n.close();
    }
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void fourValidatorsExchangeMessagesInAllDirections() throws Exception {
    List<TestNode> four = List.of(node("0x1"), node("0x2"), node("0x3"), node("0x4"));
    TestNode.connectAll(four);

    for (TestNode from : four) {
      for (TestNode to : four) {
        if (from != to) {
          assertEquals(
              SendResult.QUEUED,
              from.send(to, ProtocolId.CONSENSUS, from.address + ">" + to.address));
        }
      }
      assertEquals(3, from.network.broadcast(ProtocolId.MEMPOOL, utf8("all from " + from.address)));
    }
    for (TestNode to : four) {
      Set<Received> expected = new HashSet<>();
      for (TestNode from : four) {
        if (from != to) {
          expected.add(
              new Received(from.address, ProtocolId.CONSENSUS, from.address + ">" + to.address));
          expected.add(new Received(from.address, ProtocolId.MEMPOOL, "all from " + from.address));
        }
      }
      Set<Received> got = new HashSet<>();
      for (int i = 0; i < expected.size(); i++) {
        got.add(to.take());
      }
      assertEquals(expected, got);
      assertNull(to.inbox.poll(50, TimeUnit.MILLISECONDS), "no extra message");
    }
    // Exactly one link per pair, and the lower address dialled it.
    for (TestNode n : four) {
      for (PeerStatus s : n.network.peers()) {
        assertEquals(1, s.connectionsTotal(), n.address + " -> " + s.address());
        assertEquals(n.address.compareTo(s.address()) < 0, s.dialer());
      }
    }
  }

  @Test
  void requestsGetResponsesErrorsAndTimeouts() throws Exception {
    TestNode a = node("0x1");
    TestNode b = node("0x2");
    b.network.registerRpcHandler(
        ProtocolId.BLOCK_RETRIEVAL,
        (from, req, responder) ->
            responder.respond(utf8(from + " asked " + new String(req, StandardCharsets.UTF_8))));
    b.network.registerRpcHandler(ProtocolId.STATE_SYNC, (from, req, responder) -> {});
    a.network.registerRpcHandler(
        ProtocolId.STATE_SYNC, (from, req, responder) -> responder.fail("not serving"));
    TestNode.connectAll(List.of(a, b));

    byte[] answer =
        a.network
            .request(b.address, ProtocolId.BLOCK_RETRIEVAL, utf8("block 7"))
            .get(10, TimeUnit.SECONDS);
    assertEquals(a.address + " asked block 7", new String(answer, StandardCharsets.UTF_8));

    RpcException silent =
        rpcFailure(
            a.network.request(b.address, ProtocolId.STATE_SYNC, utf8("x"), Duration.ofMillis(200)));
    assertEquals(RpcException.Kind.TIMEOUT, silent.kind());

    RpcException refused =
        rpcFailure(b.network.request(a.address, ProtocolId.STATE_SYNC, utf8("x")));
    assertEquals(RpcException.Kind.REMOTE_ERROR, refused.kind());
    assertTrue(refused.getMessage().contains("not serving"));

    RpcException unhandled =
        rpcFailure(b.network.request(a.address, ProtocolId.MEMPOOL, utf8("x")));
    assertEquals(RpcException.Kind.REMOTE_ERROR, unhandled.kind());

    RpcException stranger =
        rpcFailure(a.network.request(AccountAddress.of("0x99"), ProtocolId.MEMPOOL, utf8("x")));
    assertEquals(RpcException.Kind.UNKNOWN_PEER, stranger.kind());
  }

  private static RpcException rpcFailure(CompletableFuture<byte[]> f) {
    CompletionException e =
        assertThrows(CompletionException.class, () -> f.orTimeout(10, TimeUnit.SECONDS).join());
    return assertInstanceOf(RpcException.class, e.getCause());
  }

  @Test
  void aPeerWithAnUnknownKeyIsRefusedAtTheTlsHandshake() throws Exception {
    TestNode member = node("0x5");
    TestNode other = node("0x6");
    TestNode.connectAll(List.of(member, other));
    // The stranger has a lower address, so it dials; it trusts the member, the member does not know
    // it.
    TestNode stranger = node("0x1");
    stranger.peers(List.of(stranger.info(), member.info()));
    stranger.send(member, ProtocolId.CONSENSUS, "let me in");
    // The impersonator claims an existing validator's address with a key of its own.
    TestNode impostor =
        new TestNode(other.address, Ed25519PrivateKey.generate(), 0, b -> b).start();
    nodes.add(impostor);
    impostor.peers(List.of(impostor.info(), member.info()));
    impostor.send(member, ProtocolId.CONSENSUS, "I am 0x6");

    await(
        "the member refused both handshakes twice",
        () -> member.network.stats().tlsRejectedTotal() >= 4);
    assertNull(member.inbox.poll(100, TimeUnit.MILLISECONDS), "nothing delivered from a stranger");
    assertEquals(
        0, member.network.stats().helloRejectedTotal(), "refused before any Hello was read");
    assertEquals(
        List.of(other.address), member.network.peers().stream().map(PeerStatus::address).toList());
    assertTrue(stranger.status(member).state() != PeerState.CONNECTED);
    assertEquals(0, stranger.status(member).connectionsTotal());
    assertEquals(PeerState.CONNECTED, member.status(other).state());
    assertEquals(
        1, member.status(other).connectionsTotal(), "the genuine link was never disturbed");
  }

  @Test
  void anOversizedFrameClosesThatLinkOnlyAndTheOffenderReconnects() throws Exception {
    TestNode receiver = node("0x2", b -> b.maxFrameBytes(4096));
    TestNode offender = node("0x1", b -> b.maxFrameBytes(64 * 1024));
    TestNode bystander = node("0x3");
    TestNode.connectAll(List.of(receiver, offender, bystander));

    assertEquals(
        SendResult.QUEUED, offender.send(receiver, ProtocolId.CONSENSUS, "x".repeat(8192)));
    await(
        "the receiver refused the frame",
        () -> receiver.network.stats().oversizedFramesTotal() == 1);
    bystander.send(receiver, ProtocolId.CONSENSUS, "still here");
    assertEquals(
        new Received(bystander.address, ProtocolId.CONSENSUS, "still here"), receiver.take());
    assertEquals(1, receiver.status(bystander).connectionsTotal());

    await(
        "the offender reconnected",
        () ->
            receiver.status(offender).connectionsTotal() == 2
                && receiver.status(offender).state() == PeerState.CONNECTED);
    offender.send(receiver, ProtocolId.MEMPOOL, "small");
    assertEquals(new Received(offender.address, ProtocolId.MEMPOOL, "small"), receiver.take());
    assertNull(receiver.inbox.poll(50, TimeUnit.MILLISECONDS));
    assertEquals(
        SendResult.TOO_LARGE, receiver.send(offender, ProtocolId.CONSENSUS, "y".repeat(4096)));
  }

  @Test
  void aWrongChainIdOrGenesisIsRefusedAtTheHello() throws Exception {
    TestNode a = node("0x1");
    TestNode wrongChain = node("0x2", b -> b.chainId(TestNode.CHAIN_ID + 1));
    TestNode wrongGenesis =
        node("0x3", b -> b.genesisHash(HashValue.sha3Of(utf8("another chain"))));
    List<PeerInfo> all = List.of(a.info(), wrongChain.info(), wrongGenesis.info());
    for (TestNode n : List.of(a, wrongChain, wrongGenesis)) {
      n.peers(all);
    }
    a.send(wrongChain, ProtocolId.CONSENSUS, "hi");
    wrongChain.send(a, ProtocolId.CONSENSUS, "hi");
    wrongGenesis.send(a, ProtocolId.CONSENSUS, "hi");

    await("a refused both Hellos twice", () -> a.network.stats().helloRejectedTotal() >= 4);
    assertEquals(0, a.network.stats().tlsRejectedTotal(), "their keys are valid members");
    assertNull(a.inbox.poll(100, TimeUnit.MILLISECONDS));
    assertNull(wrongChain.inbox.poll(1, TimeUnit.MILLISECONDS));
    for (PeerStatus s : a.network.peers()) {
      assertEquals(0, s.connectionsTotal(), s.address().toString());
    }
  }

  @Test
  void aMemberClaimingAnotherValidatorsAddressIsRefusedAtTheHello() throws Exception {
    TestNode target = node("0x5");
    TestNode honest = node("0x2");
    TestNode member = node("0x3");
    // A process holding member 0x3's network key that claims to be validator 0x2.
    TestNode liar = new TestNode(honest.address, member.key, 0, b -> b).start();
    nodes.add(liar);
    List<PeerInfo> set = List.of(target.info(), honest.info(), member.info());
    target.peers(set);
    liar.peers(set);
    liar.send(target, ProtocolId.CONSENSUS, "trust me");

    await("the target refused the Hello", () -> target.network.stats().helloRejectedTotal() >= 1);
    assertEquals(0, target.network.stats().tlsRejectedTotal(), "the key itself is a member's");
    assertNull(target.inbox.poll(100, TimeUnit.MILLISECONDS));
    assertEquals(0, target.status(honest).connectionsTotal());
  }

  @Test
  void aValidatorThatRotatesItsNetworkKeyIsReconnectedAfterTheEpochChange() throws Exception {
    TestNode low = node("0x1");
    TestNode high = node("0x2");
    TestNode.connectAll(List.of(low, high));
    high.close();
    nodes.remove(high);
    TestNode rotated =
        new TestNode(high.address, Ed25519PrivateKey.generate(), high.bound.getPort(), b -> b)
            .start();
    nodes.add(rotated);
    List<PeerInfo> next = List.of(low.info(), rotated.info());
    rotated.peers(next);
    await("the old key is refused", () -> low.network.stats().tlsRejectedTotal() >= 1);
    low.peers(next);
    await("reconnected", () -> low.status(rotated).state() == PeerState.CONNECTED);
    low.send(rotated, ProtocolId.CONSENSUS, "new epoch");
    assertEquals(new Received(low.address, ProtocolId.CONSENSUS, "new epoch"), rotated.take());
  }

  @Test
  void aTakenListenPortIsATypedStartError() throws Exception {
    TestNode first = node("0x1");
    assertEquals(first.bound, first.network.listenAddress());
    TestNode second =
        new TestNode(
            AccountAddress.of("0x2"), Ed25519PrivateKey.generate(), first.bound.getPort(), b -> b);
    try {
      NetworkException e = assertThrows(NetworkException.class, second::start);
      assertTrue(e.getMessage().contains(":" + first.bound.getPort()), e.getMessage());
    } finally {
      second.close();
    }
  }

  @Test
  void linksComeBackAfterAPeerRestarts() throws Exception {
    TestNode low = node("0x1");
    TestNode mid = node("0x2");
    TestNode high = node("0x3");
    TestNode.connectAll(List.of(low, mid, high));
    List<PeerInfo> all = List.of(low.info(), mid.info(), high.info());

    mid.close();
    nodes.remove(mid);
    await("low noticed", () -> low.status(mid).state() != PeerState.CONNECTED);
    TestNode back = mid.restarted().start();
    nodes.add(back);
    back.peers(all);
    TestNode.connectAll(List.of(low, back, high));

    for (TestNode other : List.of(low, high)) {
      other.send(back, ProtocolId.CONSENSUS, "welcome back");
      assertEquals(new Received(other.address, ProtocolId.CONSENSUS, "welcome back"), back.take());
      back.send(other, ProtocolId.CONSENSUS, "thanks");
      assertEquals(new Received(back.address, ProtocolId.CONSENSUS, "thanks"), other.take());
      assertEquals(2, other.status(back).connectionsTotal());
    }
    assertEquals(1, low.status(high).connectionsTotal());
  }

  @Test
  void unauthenticatedConnectionsAreBoundedAndValidatorsStillGetThrough() throws Exception {
    TestNode target = node("0x1", b -> b.maxPendingInbound(8, 2));
    TestNode member = node("0x2");
    List<Socket> silent = new ArrayList<>();
    try {
      // Two plain TCP connections that never start TLS hold the two slots of 127.0.0.1.
      for (int i = 0; i < 2; i++) {
        Socket s = new Socket("127.0.0.1", target.bound.getPort());
        s.setSoTimeout(5_000);
        silent.add(s);
      }
      try (Socket third = new Socket("127.0.0.1", target.bound.getPort())) {
        third.setSoTimeout(5_000);
        assertEquals(-1, third.getInputStream().read(), "the third is closed before any TLS");
      }
      assertEquals(1, target.network.stats().inboundRefusedTotal());
    } finally {
      for (Socket s : silent) {
        s.close();
      }
    }
    // Their slots come back when they close; a validator then links up as usual.
    TestNode.connectAll(List.of(target, member));
    target.send(member, ProtocolId.CONSENSUS, "after the flood");
    assertEquals("after the flood", member.take().text());
  }

  @Test
  void anAddressOverItsHandshakeRateIsClosedUntilItsBucketRefills() throws Exception {
    TestNode target = node("0x1", b -> b.inboundHandshakeRate(1, 3));
    TestNode member = node("0x2");
    // Open-and-close churn: each connection is let in (and costs a handshake) while tokens last.
    for (int i = 0; i < 3; i++) {
      try (Socket s = new Socket("127.0.0.1", target.bound.getPort())) {
        s.setSoTimeout(300);
        assertThrows(java.net.SocketTimeoutException.class, () -> s.getInputStream().read(),
            "connection " + i + " is kept, waiting for its TLS handshake");
      }
    }
    try (Socket fourth = new Socket("127.0.0.1", target.bound.getPort())) {
      fourth.setSoTimeout(5_000);
      assertEquals(-1, fourth.getInputStream().read(), "the fourth in a row is closed before any TLS");
    }
    assertTrue(target.network.stats().inboundRefusedTotal() >= 1);
    // The bucket refills (one per second): a validator dialling from the same address gets through.
    TestNode.connectAll(List.of(target, member));
    target.send(member, ProtocolId.CONSENSUS, "after the churn");
    assertEquals("after the churn", member.take().text());
  }

  @Test
  void heartbeatsKeepAnIdleLinkOpen() throws Exception {
    UnaryOperator<NetworkConfig.Builder> fast =
        b -> b.heartbeat(Duration.ofMillis(100), Duration.ofMillis(1000));
    TestNode a = node("0x1", fast);
    TestNode b = node("0x2", fast);
    TestNode.connectAll(List.of(a, b));
    // Longer than the idle timeout: without heartbeats both ends would close the link.
    Thread.sleep(1500);
    assertEquals(PeerState.CONNECTED, a.status(b).state());
    assertEquals(1, a.status(b).connectionsTotal(), "never closed for idleness");
    assertEquals(1, b.status(a).connectionsTotal());
  }

  @Test
  void aFullQueueDropsTheOldestMessages() throws Exception {
    TestNode sender = node("0x1", b -> b.outboundQueueCapacity(4));
    TestNode receiver = node("0x2");
    // The receiver does not know the sender yet, so every dial is refused and messages queue up.
    sender.peers(List.of(sender.info(), receiver.info()));
    for (int i = 0; i < 10; i++) {
      assertEquals(SendResult.QUEUED, sender.send(receiver, ProtocolId.CONSENSUS, "m" + i));
    }
    PeerStatus queued = sender.status(receiver);
    assertEquals(4, queued.queued());
    assertEquals(6, queued.droppedTotal());

    receiver.peers(List.of(sender.info(), receiver.info()));
    for (int i = 6; i < 10; i++) {
      assertEquals(new Received(sender.address, ProtocolId.CONSENSUS, "m" + i), receiver.take());
    }
    assertNull(receiver.inbox.poll(50, TimeUnit.MILLISECONDS));
    await("queue drained", () -> sender.status(receiver).queued() == 0);
    assertEquals(4, sender.status(receiver).sentTotal());
  }

  @Test
  void aMempoolFloodNeitherEvictsNorDelaysConsensusMessages() throws Exception {
    TestNode sender = node("0x1", b -> b.outboundQueueCapacity(3));
    TestNode receiver = node("0x2");
    sender.peers(List.of(sender.info(), receiver.info()));
    for (int i = 0; i < 20; i++) {
      sender.send(receiver, ProtocolId.MEMPOOL, "tx" + i);
    }
    sender.send(receiver, ProtocolId.CONSENSUS, "vote");
    sender.send(receiver, ProtocolId.CONSENSUS, "proposal");
    assertEquals(5, sender.status(receiver).queued());
    assertEquals(17, sender.status(receiver).droppedTotal());

    receiver.peers(List.of(sender.info(), receiver.info()));
    List<String> order = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      order.add(receiver.take().text());
    }
    assertEquals(List.of("vote", "proposal", "tx17", "tx18", "tx19"), order);
  }

  @Test
  void leavingTheValidatorSetClosesTheLinkAndCloseIsClean() throws Exception {
    TestNode a = node("0x2");
    TestNode b = node("0x3");
    TestNode c = node("0x1");
    TestNode.connectAll(List.of(a, b, c));
    List<PeerState> seen = new CopyOnWriteArrayList<>();
    a.network.addConnectionListener(
        (peer, from, to) -> {
          if (peer.equals(c.address)) {
            seen.add(to);
          }
        });

    // Epoch change without c: a and b drop it and refuse it from now on.
    List<PeerInfo> next = List.of(a.info(), b.info());
    a.peers(next);
    b.peers(next);
    assertEquals(SendResult.UNKNOWN_PEER, a.send(c, ProtocolId.CONSENSUS, "gone"));
    await(
        "c lost both links",
        () -> c.network.peers().stream().noneMatch(s -> s.state() == PeerState.CONNECTED));
    assertEquals(List.of(PeerState.DISCONNECTED), seen);
    // c, the lower address, keeps redialling and is refused during TLS.
    await(
        "c was refused on redial",
        () ->
            a.network.stats().tlsRejectedTotal() >= 1 && b.network.stats().tlsRejectedTotal() >= 1);
    assertTrue(c.status(a).state() != PeerState.CONNECTED);
    assertEquals(1, c.status(a).connectionsTotal());

    b.close();
    await("a saw b leave", () -> a.status(b).state() != PeerState.CONNECTED);
    assertEquals(SendResult.CLOSED, b.send(a, ProtocolId.CONSENSUS, "late"));
    RpcException closed =
        rpcFailure(b.network.request(a.address, ProtocolId.STATE_SYNC, utf8("x")));
    assertEquals(RpcException.Kind.CLOSED, closed.kind());
  }
}
