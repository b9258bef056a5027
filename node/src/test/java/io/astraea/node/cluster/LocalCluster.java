package io.astraea.node.cluster;

import io.astraea.config.GenesisDescription;
import io.astraea.config.node.NodeConfig;
import io.astraea.config.node.NodeConfigLoader;
import io.astraea.config.testnet.TestnetGenerator;
import io.astraea.config.testnet.TestnetLayout;
import io.astraea.node.client.JsonRpcClient;
import io.astraea.node.daemon.ValidatorNode;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A generated local network of in-process {@link ValidatorNode}s: real peer sockets on the ports
 * written into genesis, JSON-RPC on ephemeral ports, one RocksDB directory per node. A stopped
 * node can be started again on its data directory. Closing the cluster stops every running node.
 */
final class LocalCluster implements AutoCloseable {
  static final int CHAIN_ID = TestnetLayout.DEFAULT_CHAIN_ID;
  private static final Duration RPC_TIMEOUT = Duration.ofSeconds(20);

  private final TestnetLayout layout;
  private final GenesisDescription genesis;
  private final List<NodeConfig> configs;
  private final ValidatorNode[] nodes;
  private final JsonRpcClient[] clients;

  private LocalCluster(TestnetLayout layout, GenesisDescription genesis, List<NodeConfig> configs) {
    this.layout = layout;
    this.genesis = genesis;
    this.configs = configs;
    this.nodes = new ValidatorNode[configs.size()];
    this.clients = new JsonRpcClient[configs.size()];
  }

  /** Generates keys, genesis and node configurations for {@code validators} nodes under {@code dir}. */
  static LocalCluster generate(Path dir, int validators) throws Exception {
    TestnetLayout layout = new TestnetLayout(dir, validators, FreePorts.consecutive(validators), CHAIN_ID);
    GenesisDescription genesis = TestnetGenerator.generate(layout, new SecureRandom());
    List<NodeConfig> configs = new ArrayList<>();
    for (int i = 0; i < validators; i++) {
      configs.add(NodeConfigLoader.load(layout.nodeConfig(i), Map.of(), Map.of("api.listen", "127.0.0.1:0")));
    }
    return new LocalCluster(layout, genesis, configs);
  }

  TestnetLayout layout() {
    return layout;
  }

  GenesisDescription genesis() {
    return genesis;
  }

  int size() {
    return nodes.length;
  }

  NodeConfig config(int i) {
    return configs.get(i);
  }

  /** Starts every node. */
  void startAll() throws Exception {
    for (int i = 0; i < nodes.length; i++) {
      start(i);
    }
  }

  /** Starts node {@code i} on its configuration and data directory (again, after {@link #stop}). */
  ValidatorNode start(int i) throws Exception {
    if (nodes[i] != null) {
      throw new IllegalStateException("node " + i + " is already running");
    }
    nodes[i] = ValidatorNode.start(configs.get(i));
    InetSocketAddress api = nodes[i].apiAddress();
    clients[i] = new JsonRpcClient(URI.create("http://127.0.0.1:" + api.getPort() + "/v1"), RPC_TIMEOUT);
    return nodes[i];
  }

  void stop(int i) {
    ValidatorNode n = nodes[i];
    nodes[i] = null;
    clients[i] = null;
    if (n != null) {
      n.close();
    }
  }

  ValidatorNode node(int i) {
    if (nodes[i] == null) {
      throw new IllegalStateException("node " + i + " is not running");
    }
    return nodes[i];
  }

  /** The JSON-RPC client of running node {@code i}. */
  JsonRpcClient rpc(int i) {
    if (clients[i] == null) {
      throw new IllegalStateException("node " + i + " is not running");
    }
    return clients[i];
  }

  /** Base URL of node {@code i}'s HTTP API ({@code /mint} lives there on node 0). */
  URI apiBase(int i) {
    return URI.create("http://127.0.0.1:" + node(i).apiAddress().getPort());
  }

  long version(int i) {
    return node(i).ledger().latestVersion();
  }

  @Override
  public void close() {
    for (int i = nodes.length - 1; i >= 0; i--) {
      try {
        stop(i);
      } catch (RuntimeException e) {
        System.out.println("closing node " + i + " failed: " + e);
      }
    }
  }
}
