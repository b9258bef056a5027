package io.astraea.config.testnet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.astraea.config.GenesisDescription;
import io.astraea.config.node.NodeConfig;
import io.astraea.config.node.NodeConfigLoader;
import io.astraea.crypto.AuthenticationKey;
import io.astraea.crypto.keys.KeyFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestnetGeneratorTest {
  @TempDir Path dir;

  @Test
  void generatesAConsistentFourValidatorNetwork() throws Exception {
    TestnetLayout layout = new TestnetLayout(dir, 4, 20000, 4);
    GenesisDescription written = TestnetGenerator.generate(layout, new SecureRandom());

    GenesisDescription parsed = GenesisDescription.load(layout.genesisFile());
    assertEquals(written, parsed);
    assertEquals(4, parsed.validators().size());

    var ports = new HashSet<Integer>();
    for (int i = 0; i < 4; i++) {
      NodeConfig c = NodeConfigLoader.load(layout.nodeConfig(i), Map.of(), Map.of());
      assertEquals(layout.genesisFile().toAbsolutePath(), c.genesisFile());
      assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(c.consensusKeyFile())));
      var consensusKey = KeyFiles.readPrivateKey(c.consensusKeyFile()).publicKey();
      var networkKey = KeyFiles.readPrivateKey(c.networkKeyFile()).publicKey();
      var v =
          parsed.validators().stream().filter(x -> x.ownerAddress().equals(c.account())).findFirst().orElseThrow();
      assertEquals(consensusKey, v.consensusPublicKey());
      assertEquals(networkKey, v.networkPublicKey());
      assertEquals(c.networkListen().port(), v.port());
      assertEquals(i == 0, c.faucetEnabled());
      assertTrue(ports.add(c.networkListen().port()) && ports.add(c.apiListen().port()));
    }
    var dealerKey = KeyFiles.readPrivateKey(layout.faucetDir().resolve(TestnetGenerator.DEALER_KEY));
    assertEquals(
        AuthenticationKey.ed25519(dealerKey.publicKey()).derivedAddress(),
        parsed.designatedDealers().get(0).address());
  }

  @Test
  void refusesImpossibleLayouts() {
    assertThrows(IllegalArgumentException.class, () -> new TestnetLayout(dir, 0, 20000, 4));
    assertThrows(IllegalArgumentException.class, () -> new TestnetLayout(dir, 4, 65500, 4));
  }
}
