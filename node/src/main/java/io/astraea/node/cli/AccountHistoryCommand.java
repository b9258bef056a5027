package io.astraea.node.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.astraea.crypto.AccountAddress;
import io.astraea.ledger.state.AccountState;
import io.astraea.ledger.state.EventHandle;
import io.astraea.node.api.methods.EventJson;
import io.astraea.node.client.LightClient;
import io.astraea.node.client.UnverifiedAnswerException;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
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

  @Option(names = "--verify", paramLabel = "GENESIS",
      description = "Trust only the validators of this genesis description: every payment listed is proven "
          + "against a ledger info a quorum of them certified, and none of the account's payments up to "
          + "--limit is left out.")
  Path genesis;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  private record Payment(long version, boolean sent, JsonNode data) {}

  @Override
  public Integer call() throws Exception {
    if (limit <= 0) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--limit must be positive");
    }
    AccountAddress address = target.resolve();
    List<Payment> payments = new ArrayList<>();
    String verified = null;
    if (genesis != null) {
      verified = collectVerified(address, payments);
    } else {
      AccountRpc rpc = new AccountRpc(url, Duration.ofSeconds(10));
      JsonNode account = rpc.account(address)
          .orElseThrow(() -> new IOException("account " + address.toHex() + " does not exist"));
      collect(rpc, account.path("sent_events_key").asText(), true, payments);
      collect(rpc, account.path("received_events_key").asText(), false, payments);
    }
    payments.sort(Comparator.comparingLong(Payment::version).thenComparing(Payment::sent));
    PrintWriter out = spec.commandLine().getOut();
    out.printf("account %s: %d payment(s)%n", address.toHex(), payments.size());
    for (Payment p : payments) {
      JsonNode amount = p.data().path("amount");
      out.printf("version %-8d %-8s %12d %s %s %s%n", p.version(), p.sent() ? "sent" : "received",
          amount.path("amount").asLong(), amount.path("currency").asText(), p.sent() ? "to" : "from",
          p.sent() ? p.data().path("receiver").asText() : p.data().path("sender").asText());
    }
    if (verified != null) {
      out.println(verified);
    }
    out.flush();
    return AstraeaCli.EXIT_OK;
  }

  /**
   * Reads both payment streams through the light client: the account's proven state gives each
   * stream's length, so a node that leaves payments out is caught as surely as one that alters
   * them. Returns the line saying what was verified.
   */
  private String collectVerified(AccountAddress address, List<Payment> into) throws Exception {
    LightClient client = GenesisTrust.client(url, genesis);
    LightClient.Certified certified = client.certified();
    LightClient.VerifiedAccount v = client.account(address, certified);
    AccountState state = v.state().orElseThrow(() -> new IOException(
        "account " + address.toHex() + " does not exist (proven absent at version " + v.version() + ")"));
    collectVerified(client, certified, state.sentEvents(), true, into);
    collectVerified(client, certified, state.receivedEvents(), false, into);
    return "verified: " + v.summary();
  }

  private void collectVerified(LightClient client, LightClient.Certified certified, EventHandle stream, boolean sent,
      List<Payment> into) throws Exception {
    long wanted = Math.min(stream.counter(), limit);
    long start = 0;
    while (start < wanted) {
      int page = (int) Math.min(PAGE, wanted - start);
      List<LightClient.VerifiedEvent> events = client.events(stream.key(), start, page, certified);
      if (events.isEmpty()) {
        throw new UnverifiedAnswerException("the node left out " + (sent ? "sent" : "received")
            + " payments from number " + start + " on; the account's proven state counts " + stream.counter());
      }
      for (LightClient.VerifiedEvent e : events) {
        into.add(new Payment(e.version(), sent, EventJson.of(e.event(), e.version()).path("data")));
      }
      start += events.size();
    }
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
