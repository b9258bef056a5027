package io.astraea.node.cli;

import picocli.CommandLine.Command;

/** {@code astraea testnet ...}: the Java half of {@code scripts/testnet}. */
@Command(
    name = "testnet",
    mixinStandardHelpOptions = true,
    description = "Local testnet helpers used by scripts/testnet.",
    subcommands = {
      TestnetGenerateCommand.class,
      TestnetCheckPortsCommand.class,
      TestnetWaitCommand.class,
      TestnetManifestCommand.class,
      TestnetStatusCommand.class
    })
public final class TestnetCommand {}
