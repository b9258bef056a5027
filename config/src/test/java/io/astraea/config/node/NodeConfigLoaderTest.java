package io.astraea.config.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NodeConfigLoaderTest {
  @TempDir Path dir;

  private static final String MINIMAL =
      String.join(
          "\n",
          "node:",
          "  name: node0",
          "storage:",
          "  data_dir: data",
          "genesis:",
          "  file: ../genesis.yaml",
          "validator:",
          "  account: 0xA1",
          "  consensus_key: consensus.key",
          "  network_key: network.key",
          "network:",
          "  listen: 127.0.0.1:6180",
          "api:",
          "  listen: 127.0.0.1:8080",
          "");

  private Path write(String yaml) throws Exception {
    Path node = Files.createDirectories(dir.resolve("node0"));
    return Files.writeString(node.resolve("node.yaml"), yaml);
  }

  @Test
  void fileValuesWithDefaultsAndPathsRelativeToTheFile() throws Exception {
    NodeConfig c = NodeConfigLoader.load(write(MINIMAL), Map.of(), Map.of());
    assertEquals("node0", c.nodeName());
    assertEquals(dir.resolve("node0/data").toAbsolutePath(), c.dataDir());
    assertEquals(dir.resolve("genesis.yaml").toAbsolutePath(), c.genesisFile());
    assertEquals(new HostPort("127.0.0.1", 6180), c.networkListen());
    assertEquals(1500, c.roundTimeoutBase().toMillis());
    assertEquals(NodeConfig.LogFormat.TEXT, c.logFormat());
    assertFalse(c.faucetEnabled());
    assertEquals("00000000000000000000000000000000a1".substring(2), c.account().toHex());
  }

  @Test
  void commandLineBeatsEnvironmentBeatsFile() throws Exception {
    Path f = write(MINIMAL + "log:\n  format: text\n");
    NodeConfig envOnly = NodeConfigLoader.load(f, Map.of("ASTRAEA_LOG_FORMAT", "json", "ASTRAEA_API_LISTEN", "0.0.0.0:9"), Map.of());
    assertEquals(NodeConfig.LogFormat.JSON, envOnly.logFormat());
    assertEquals(new HostPort("0.0.0.0", 9), envOnly.apiListen());

    NodeConfig both =
        NodeConfigLoader.load(f, Map.of("ASTRAEA_LOG_FORMAT", "json"), Map.of("log.format", "text"));
    assertEquals(NodeConfig.LogFormat.TEXT, both.logFormat());
  }

  @Test
  void everyProblemIsReportedAtOnce() throws Exception {
    Path f =
        write(
            "storage:\n  data_dir: d\n  bogus: 1\nvalidator:\n  account: xyz\n"
                + "network:\n  listen: nowhere\nconsensus:\n  round_timeout_ms: -5\nlog:\n  format: xml\n");
    NodeConfigException e =
        assertThrows(NodeConfigException.class, () -> NodeConfigLoader.load(f, Map.of(), Map.of()));
    String m = e.getMessage();
    for (String expected :
        new String[] {
          "storage.bogus: unknown setting",
          "genesis.file: required",
          "validator.consensus_key: required",
          "network.listen: expected host:port",
          "api.listen: required",
          "consensus.round_timeout_ms: must be positive",
          "log.format: must be text or json",
          "validator.account"
        }) {
      assertTrue(m.contains(expected), () -> "missing '" + expected + "' in:\n" + m);
    }
    assertTrue(e.problems().size() >= 8, m);
  }

  @Test
  void unknownOverrideKeysAreRejected() throws Exception {
    NodeConfigException e =
        assertThrows(
            NodeConfigException.class,
            () -> NodeConfigLoader.load(write(MINIMAL), Map.of(), Map.of("api.lsten", "x:1")));
    assertTrue(e.getMessage().contains("api.lsten: unknown setting"), e.getMessage());
  }

  @Test
  void describeListsEveryKey() throws Exception {
    NodeConfig c = NodeConfigLoader.load(write(MINIMAL), Map.of(), Map.of());
    assertEquals(NodeConfigLoader.SETTINGS.size(), NodeConfigLoader.describe(c).size());
  }
}
