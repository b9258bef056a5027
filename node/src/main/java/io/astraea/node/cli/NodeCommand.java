package io.astraea.node.cli;

import picocli.CommandLine.Command;

/** {@code astraea node ...}: running a validator. */
@Command(
    name = "node",
    mixinStandardHelpOptions = true,
    description = "Run a validator node.",
    subcommands = {NodeRunCommand.class})
public final class NodeCommand {}
