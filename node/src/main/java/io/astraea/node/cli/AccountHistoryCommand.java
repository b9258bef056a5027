package io.astraea.node.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.astraea.crypto.AccountAddress;
import io.astraea.crypto.keys.KeyFileException;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code astraea account history}: the account's payments, sent and received, in ledger order,
 * read from its two payment event streams.
 */
@Command(name = "history", mixinStandardHelpOptions = true, description = "List an account's payments.")
final class AccountHistoryCommand implements Callable<Integer> {
  private static final int PAGE = 1000;

  @Option(names = "--url", required = true, paramLabel = "URL", description = "Node JSON-RPC URL.")
  URI url;

  @ArgGroup(exclusive = true, multiplicity = "1")
  AccountTarget target;

  @Option(names = "--limit", defaultValue = "1000", paramLabel = "N",
      description = "At most N payments per direction, default ${DEFAULT-VALUE}.")
  int limit;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  private record Payment(long version, boolean sent, JsonNode data) {}

  @Override
  public Integer call() throws KeyFileException, IOException, InterruptedException {
    if (limit <= 0) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--limit must be positive");
    }
    AccountAddress address = target.resolve();
    AccountRpc rpc = new AccountRpc(url, Duration.ofSeconds(10));
    JsonNode account = rpc.account(address)
        .orElseThrow(() -> new IOException("account " + address.toHex() + " does not exist"));
    List<Payment> payments = new ArrayList<>();
    collect(rpc, account.path("sent_events_key").asText(), true, payments);
    collect(rpc, account.path("received_events_key").asText(), false, payments);
    payments.sort(Comparator.comparingLong(Payment::version).thenComparing(Payment::sent));
    PrintWriter out = spec.commandLine().getOut();
    out.printf("account %s: %d payment(s)%n", address.toHex(), payments.size());
    for (Payment p : payments) {
      JsonNode amount = p.data().path("amount");
      out.printf("version %-8d %-8s %12d %s %s %s%n", p.version(), p.sent() ? "sent" : "received",
          amount.path("amount").asLong(), amount.path("currency").asText(), p.sent() ? "to" : "from",
          p.sent() ? p.data().path("receiver").asText() : p.data().path("sender").asText());
    }
    out.flush();
    return AstraeaCli.EXIT_OK;
  }

  private void collect(AccountRpc rpc, String key, boolean sent, List<Payment> into)
      throws IOException, InterruptedException {
    long start = 0;
    int taken = 0;
    while (taken < limit) {
      int page = Math.min(PAGE, limit - taken);
      JsonNode events = rpc.events(key, start, page);
      for (JsonNode e : events) {
        into.add(new Payment(e.path("transaction_version").asLong(), sent, e.path("data")));
      }
      taken += events.size();
      if (events.size() < page) {
        return;
      }
      start += events.size();
    }
  }
}
