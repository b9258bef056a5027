package io.astraea.node.net;

import static org.junit.jupiter.api.Assertions.fail;

import io.astraea.crypto.AccountAddress;
import io.astraea.crypto.Ed25519PrivateKey;
import io.astraea.crypto.HashValue;
import io.astraea.node.net.wire.ProtocolId;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.UnaryOperator;

/** One validator's network on loopback, recording what its handlers receive. */
final class TestNode implements AutoCloseable {
  static final int CHAIN_ID = 4;
  static final HashValue GENESIS =
      HashValue.sha3Of("astraea test genesis".getBytes(StandardCharsets.UTF_8));

  /** A message as a handler saw it. */
  record Received(AccountAddress from, ProtocolId protocol, String text) {}

  final AccountAddress address;
  final Ed25519PrivateKey key;
  final Network network;
  final LinkedBlockingQueue<Received> inbox = new LinkedBlockingQueue<>();
  InetSocketAddress bound;

  TestNode(
      AccountAddress address,
      Ed25519PrivateKey key,
      int port,
      UnaryOperator<NetworkConfig.Builder> tweak) {
    this.address = address;
    this.key = key;
    NetworkConfig.Builder b =
        NetworkConfig.builder()
            .self(address)
            .networkKey(key)
            .chainId(CHAIN_ID)
            .genesisHash(GENESIS)
            .listen("127.0.0.1", port)
            .reconnectDelays(Duration.ofMillis(50), Duration.ofMillis(400))
            .heartbeat(Duration.ofSeconds(1), Duration.ofSeconds(5))
            .ioThreads(1);
    this.network = new Network(tweak.apply(b).build());
    for (ProtocolId p : List.of(ProtocolId.CONSENSUS, ProtocolId.MEMPOOL)) {
      network.registerHandler(
          p,
          (from, payload) ->
              inbox.add(new Received(from, p, new String(payload, StandardCharsets.UTF_8))));
    }
  }

  static TestNode create(String address, UnaryOperator<NetworkConfig.Builder> tweak) {
    return new TestNode(AccountAddress.of(address), Ed25519PrivateKey.generate(), 0, tweak);
  }

  static TestNode create(String address) {
    return create(address, b -> b);
  }

  /** The same validator (address and key) restarted on the same port. */
  TestNode restarted() {
    return new TestNode(address, key, bound.getPort(), b -> b);
  }

  TestNode start() throws NetworkException {
    bound = network.start(List.of());
    return this;
  }

  PeerInfo info() {
    return new PeerInfo(address, key.publicKey(), "127.0.0.1", bound.getPort());
  }

  void peers(Collection<PeerInfo> validators) {
    network.updatePeers(validators);
  }

  SendResult send(TestNode to, ProtocolId protocol, String text) {
    return network.send(to.address, protocol, text.getBytes(StandardCharsets.UTF_8));
  }

  Received take() throws InterruptedException {
    Received r = inbox.poll(10, TimeUnit.SECONDS);
    if (r == null) {
      fail("no message arrived at " + address + " within 10 s");
    }
    return r;
  }

  PeerStatus status(TestNode peer) {
    return network.peers().stream()
        .filter(s -> s.address().equals(peer.address))
        .findFirst()
        .orElseThrow();
  }

  static void await(String what, BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        fail("timed out waiting until " + what);
      }
      Thread.sleep(10);
    }
  }

  static void connectAll(List<TestNode> nodes) throws InterruptedException {
    List<PeerInfo> all = nodes.stream().map(TestNode::info).toList();
    for (TestNode n : nodes) {
      n.peers(all);
    }
    for (TestNode n : nodes) {
      await(
          n.address + " is connected to all",
          () ->
              n.network.peers().size() == nodes.size() - 1
                  && n.network.peers().stream().allMatch(s -> s.state() == PeerState.CONNECTED));
    }
  }

  @Override
  public void close() {
    network.close();
  }
}
