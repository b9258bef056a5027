package io.astraea.node.cli;

import picocli.CommandLine.Command;

/** {@code astraea account ...}: client commands against a node's JSON-RPC API and a faucet. */
@Command(
    name = "account",
    mixinStandardHelpOptions = true,
    description = "Create, fund and use an account with a local key file.",
    subcommands = {
      AccountCreateCommand.class,
      AccountBalanceCommand.class,
      AccountTransferCommand.class,
      AccountHistoryCommand.class
    })
public final class AccountCommand {}
