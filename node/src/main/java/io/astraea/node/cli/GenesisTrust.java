package io.astraea.node.cli;

import io.astraea.config.GenesisDescription;
import io.astraea.ledger.genesis.GenesisBuilder;
import io.astraea.node.client.JsonRpcClient;
import io.astraea.node.client.LightClient;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

/** The {@code --verify GENESIS} option's trust anchor: a light client that trusts that genesis's validators. */
final class GenesisTrust {
  private GenesisTrust() {}

  static LightClient client(URI url, Path genesis) throws Exception {
    return new LightClient(new JsonRpcClient(url, Duration.ofSeconds(10)),
        GenesisBuilder.build(GenesisDescription.load(genesis)).epochState());
  }
}
