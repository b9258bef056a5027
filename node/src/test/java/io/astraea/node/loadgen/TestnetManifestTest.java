package io.astraea.node.loadgen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestnetManifestTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  @Test
  void readsChainFaucetAndEndpointsInOrder(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("testnet.json");
    Files.writeString(f, """
        {"chain_id": 4, "genesis_hash": "ab", "faucet": "http://127.0.0.1:16280/mint",
         "validators": [
           {"name": "node0", "pid": 1, "json_rpc": "http://127.0.0.1:16280/v1"},
           {"name": "node1", "pid": null, "json_rpc": "http://127.0.0.1:16281/v1"}]}
        """);
    TestnetManifest m = TestnetManifest.read(f);
    assertEquals(4, m.chainId());
    assertEquals(URI.create("http://127.0.0.1:16280/mint"), m.faucet());
    assertEquals(List.of(URI.create("http://127.0.0.1:16280/v1"), URI.create("http://127.0.0.1:16281/v1")), m.jsonRpc());
  }

  @Test
  void malformedManifestsAreTypedErrors(@TempDir Path dir) {
    assertThrows(LoadgenException.class, () -> TestnetManifest.read(dir.resolve("missing.json")));
    for (String bad : List.of(
        "[]",
        "{\"faucet\": \"http://h/mint\", \"validators\": [{\"json_rpc\": \"http://h/v1\"}]}",
        "{\"chain_id\": 4, \"validators\": [{\"json_rpc\": \"http://h/v1\"}]}",
        "{\"chain_id\": 4, \"faucet\": \"http://h/mint\", \"validators\": []}",
        "{\"chain_id\": 4, \"faucet\": \"http://h/mint\", \"validators\": [{\"json_rpc\": \"not a url\"}]}",
        "{\"chain_id\": 4, \"faucet\": \"/mint\", \"validators\": [{\"json_rpc\": \"http://h/v1\"}]}")) {
      assertThrows(LoadgenException.class, () -> TestnetManifest.parse(MAPPER.readTree(bad), "t"), bad);
    }
  }

  @Test
  void aPlanRejectsImpossibleSettings() {
    List<URI> one = List.of(URI.create("http://h/v1"));
    URI faucet = URI.create("http://h/mint");
    java.time.Duration s = java.time.Duration.ofSeconds(1);
    assertThrows(IllegalArgumentException.class, () -> new LoadPlan(List.of(), faucet, 2, 1, 0, s, 1, 1, s));
    assertThrows(IllegalArgumentException.class, () -> new LoadPlan(one, faucet, 1, 1, 0, s, 1, 1, s));
    assertThrows(IllegalArgumentException.class, () -> new LoadPlan(one, faucet, 2, 0, 0, s, 1, 1, s));
    assertThrows(IllegalArgumentException.class, () -> new LoadPlan(one, faucet, 2, 1, -1, s, 1, 1, s));
    assertThrows(IllegalArgumentException.class, () -> new LoadPlan(one, faucet, 2, 1, 0, java.time.Duration.ZERO, 1, 1, s));
    assertEquals(1_000_000L, new LoadPlan(one, faucet, 50, 1000, 0, s, 8, 4, s).fundingPerAccount());
  }
}
