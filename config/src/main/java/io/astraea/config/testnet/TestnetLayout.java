package io.astraea.config.testnet;

import java.nio.file.Path;
import java.util.List;

/**
 * Where a generated local testnet lives and which ports its validators use. Validator
 * {@code i} listens for peers on {@code basePort + i} and serves JSON-RPC, metrics and health on
 * {@code basePort + 100 + i}; node 0 also serves the faucet.
 */
public record TestnetLayout(Path dir, int validators, int basePort, int chainId) {
  public static final int DEFAULT_BASE_PORT = 16180;
  public static final int DEFAULT_CHAIN_ID = 4;
  public static final int API_PORT_OFFSET = 100;

  public TestnetLayout {
    if (validators < 1 || validators > 99) {
      throw new IllegalArgumentException("a local testnet has 1 to 99 validators, not " + validators);
    }
    if (basePort < 1024 || basePort + API_PORT_OFFSET + validators > 65535) {
      throw new IllegalArgumentException("base port " + basePort + " leaves no room for " + validators + " validators");
    }
  }

  public String nodeName(int i) {
    return "node" + i;
  }

  public Path nodeDir(int i) {
    return dir.resolve(nodeName(i));
  }

  public Path nodeConfig(int i) {
    return nodeDir(i).resolve("node.yaml");
  }

  public Path genesisFile() {
    return dir.resolve("genesis.yaml");
  }

  public Path faucetDir() {
    return dir.resolve("faucet");
  }

  public int peerPort(int i) {
    return basePort + i;
  }

  public int apiPort(int i) {
    return basePort + API_PORT_OFFSET + i;
  }

  /** Every port the testnet will listen on. */
  public List<Integer> ports() {
    List<Integer> out = new java.util.ArrayList<>();
    for (int i = 0; i < validators; i++) {
      out.add(peerPort(i));
      out.add(apiPort(i));
    }
    return out;
  }
}
