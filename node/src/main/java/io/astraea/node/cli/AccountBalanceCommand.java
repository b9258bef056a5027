package io.astraea.node.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.astraea.crypto.AccountAddress;
import io.astraea.ledger.state.AccountState;
import io.astraea.node.client.LightClient;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code astraea account balance}: an account's balances, sequence number and state. */
@Command(name = "balance", mixinStandardHelpOptions = true, description = "Show an account's balances.")
final class AccountBalanceCommand implements Callable<Integer> {
  @Option(names = "--url", required = true, paramLabel = "URL", description = "Node JSON-RPC URL.")
  URI url;

  @ArgGroup(exclusive = true, multiplicity = "1")
  AccountTarget target;

  @Option(names = "--json", description = "Print the account as Diem's JSON view.")
  boolean json;

  @Option(names = "--verify", paramLabel = "GENESIS",
      description = "Trust only the validators of this genesis description: check that a quorum of them "
          + "(through signed epoch changes) certified the node's latest ledger info, and that the account's "
          + "state is proven against it. Prints the proven state.")
  Path genesis;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    AccountAddress address = target.resolve();
    if (genesis != null) {
      return verified(address);
    }
    JsonNode a = new AccountRpc(url, Duration.ofSeconds(10)).account(address)
        .orElseThrow(() -> new IOException("account " + address.toHex() + " does not exist"));
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      out.println(a.toString());
    } else {
      out.printf("account:          %s%n", address.toHex());
      out.printf("sequence number:  %d%n", a.path("sequence_number").asLong());
      for (JsonNode b : a.path("balances")) {
        out.printf("balance:          %d %s%n", b.path("amount").asLong(), b.path("currency").asText());
      }
      if (a.path("is_frozen").asBoolean()) {
        out.println("frozen:           yes");
      }
    }
    out.flush();
    return AstraeaCli.EXIT_OK;
  }

  private int verified(AccountAddress address) throws Exception {
    if (json) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--json and --verify cannot be combined");
    }
    LightClient.VerifiedAccount v = GenesisTrust.client(url, genesis).account(address);
    AccountState a = v.state().orElseThrow(() -> new IOException(
        "account " + address.toHex() + " does not exist (proven absent at version " + v.version() + ")"));
    PrintWriter out = spec.commandLine().getOut();
    out.printf("account:          %s%n", address.toHex());
    out.printf("sequence number:  %d%n", a.sequenceNumber());
    a.balances().forEach((currency, amount) -> out.printf("balance:          %d %s%n", amount, currency));
    if (a.frozen()) {
      out.println("frozen:           yes");
    }
    out.printf("verified:         %s%n", v.summary());
    out.flush();
    return AstraeaCli.EXIT_OK;
  }
}
