package io.astraea.node.cli;

import io.astraea.config.testnet.TestnetGenerator;
import io.astraea.config.testnet.TestnetLayout;
import io.astraea.crypto.keys.KeyFileException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Comparator;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code astraea testnet generate}: keys, genesis and node configs for a local testnet. */
@Command(name = "generate", mixinStandardHelpOptions = true, description = "Generate a local testnet layout.")
final class TestnetGenerateCommand implements Callable<Integer> {
  @Option(names = "--validators", defaultValue = "4", description = "Number of validators (default 4).")
  int validators;

  @Option(names = "--dir", required = true, description = "Directory to generate into.")
  Path dir;

  @Option(names = "--base-port", defaultValue = "" + TestnetLayout.DEFAULT_BASE_PORT, description = "First peer port (default ${DEFAULT-VALUE}); APIs use base+100.")
  int basePort;

  @Option(names = "--chain-id", defaultValue = "" + TestnetLayout.DEFAULT_CHAIN_ID, description = "Chain id (default ${DEFAULT-VALUE}, Diem's TESTING).")
  int chainId;

  @Option(names = "--clean", description = "Delete an existing layout and its data first.")
  boolean clean;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws IOException, KeyFileException {
    TestnetLayout layout;
    try {
      layout = new TestnetLayout(dir.toAbsolutePath().normalize(), validators, basePort, chainId);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
    if (Files.exists(layout.genesisFile())) {
      if (!clean) {
        throw new IOException(layout.dir() + " already holds a testnet; pass --clean to replace it");
      }
      deleteLayout(layout.dir());
    }
    TestnetGenerator.generate(layout, new SecureRandom());
    spec.commandLine()
        .getOut()
        .printf("generated %d validators in %s (chain id %d)%n", validators, layout.dir(), chainId);
    return AstraeaCli.EXIT_OK;
  }

  /** Deletes only what the generator and the nodes create, never unrelated files. */
  private static void deleteLayout(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      for (Path p : s.toList()) {
        String n = p.getFileName().toString();
        if (n.matches("node\\d+") || n.equals("faucet") || n.equals("genesis.yaml") || n.equals("testnet.json")) {
          deleteTree(p);
        }
      }
    }
  }

  private static void deleteTree(Path p) throws IOException {
    try (Stream<Path> walk = Files.walk(p)) {
      for (Path q : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(q);
      }
    }
  }
}
