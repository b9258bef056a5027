package io.astraea.node.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.astraea.crypto.AccountAddress;
import io.astraea.crypto.keys.KeyFileException;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
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

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws KeyFileException, IOException, InterruptedException {
    AccountAddress address = target.resolve();
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
}
