package io.astraea.node.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.astraea.config.node.NodeConfig;
import io.astraea.config.node.NodeConfigLoader;
import io.astraea.crypto.AccountAddress;
import io.astraea.ledger.genesis.GenesisBuilder;
import io.astraea.node.daemon.ValidatorNode;
import io.astraea.node.ledger.GenesisMismatchException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A validator refuses to start on a database of another network or with an account outside the
 * validator set, says why, and leaves the data directory usable by the right configuration.
 */
class NodeStartupTest {
  @TempDir Path dir;

  @Test
  @Timeout(value = 120, unit = TimeUnit.SECONDS)
  void refusesForeignGenesisAndNonValidatorAccountThenStartsNormally() throws Exception {
    LocalCluster ours = LocalCluster.generate(dir.resolve("ours"), 1);
    LocalCluster theirs = LocalCluster.generate(dir.resolve("theirs"), 1);
    NodeConfig config = ours.config(0);
    String ourGenesis = GenesisBuilder.build(ours.genesis()).hash().toHex();
    String theirGenesis = GenesisBuilder.build(theirs.genesis()).hash().toHex();
    assertTrue(!ourGenesis.equals(theirGenesis), "two generated networks have different genesis");

    long firstRun;
    try (ValidatorNode node = ValidatorNode.start(config)) {
      Await.until(Duration.ofSeconds(60), "a single validator to commit", () -> node.ledger().latestVersion() > 0);
      firstRun = node.ledger().latestVersion();
    }

    NodeConfig foreign = NodeConfigLoader.load(theirs.layout().nodeConfig(0), Map.of(),
        Map.of("api.listen", "127.0.0.1:0", "storage.data_dir", config.dataDir().toString()));
    GenesisMismatchException mismatch = assertThrows(GenesisMismatchException.class, () -> ValidatorNode.start(foreign));
    assertTrue(mismatch.getMessage().contains(theirGenesis), mismatch.getMessage());
    assertTrue(mismatch.getMessage().contains(ourGenesis), mismatch.getMessage());
    assertEquals(theirGenesis, mismatch.configured().toHex());
    assertEquals(ourGenesis, mismatch.stored().toHex());

    AccountAddress stranger = TestAccount.generate(new SecureRandom()).address();
    NodeConfig notAValidator = NodeConfigLoader.load(ours.layout().nodeConfig(0), Map.of(),
        Map.of("api.listen", "127.0.0.1:0", "validator.account", stranger.toHex()));
    IllegalStateException refused = assertThrows(IllegalStateException.class, () -> ValidatorNode.start(notAValidator));
    assertTrue(refused.getMessage().contains(stranger.toHex()), refused.getMessage());
    assertTrue(refused.getMessage().contains("not a validator"), refused.getMessage());

    // The refused starts closed the database again: the right configuration opens and resumes it.
    try (ValidatorNode node = ValidatorNode.start(config)) {
      assertEquals(ourGenesis, node.ledger().genesisHash().toHex());
      assertTrue(node.ledger().latestVersion() >= firstRun, "resumed from the stored ledger");
    }
  }
}
