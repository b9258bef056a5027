package io.astraea.node.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.astraea.crypto.AccountAddress;
import io.astraea.ledger.types.SignedTransaction;
import io.astraea.node.client.JsonRpcClient;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;

/** The JSON-RPC calls the account commands make, with Diem's parameters, over one client. */
final class AccountRpc {
  private static final Duration POLL = Duration.ofMillis(100);

  private final JsonRpcClient client;

  AccountRpc(URI url, Duration timeout) {
    this.client = new JsonRpcClient(url, timeout);
  }

  /** The account view, or empty if no such account exists. */
  Optional<JsonNode> account(AccountAddress a) throws IOException, InterruptedException {
    JsonNode r = client.call("get_account", a.toHex());
    return r == null || r.isNull() ? Optional.empty() : Optional.of(r);
  }

  /** The chain id every response carries. */
  int chainId() throws IOException, InterruptedException {
    return client.callRaw("get_metadata").path("diem_chain_id").asInt();
  }

  void submit(SignedTransaction txn) throws IOException, InterruptedException {
    client.call("submit", HexFormat.of().formatHex(txn.toBcs()));
  }

  /** The committed transaction {@code sender} sent with {@code seq}, if any. */
  Optional<JsonNode> accountTransaction(AccountAddress sender, long seq, boolean events)
      throws IOException, InterruptedException {
    JsonNode r = client.call("get_account_transaction", sender.toHex(), seq, events);
    return r == null || r.isNull() ? Optional.empty() : Optional.of(r);
  }

  JsonNode events(String key, long start, int limit) throws IOException, InterruptedException {
    return client.call("get_events", key, start, limit);
  }

  /** Waits until {@code sender}'s transaction {@code seq} is committed; empty on timeout. */
  Optional<JsonNode> awaitTransaction(AccountAddress sender, long seq, Duration timeout)
      throws IOException, InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      Optional<JsonNode> t = accountTransaction(sender, seq, false);
      if (t.isPresent() || System.nanoTime() - deadline > 0) {
        return t;
      }
      Thread.sleep(POLL.toMillis());
    }
  }

  /** The balance of {@code currency} in an account view (0 if it does not hold it). */
  static long balance(JsonNode account, String currency) {
    for (JsonNode b : account.path("balances")) {
      if (b.path("currency").asText().equals(currency)) {
        return b.path("amount").asLong();
      }
    }
    return 0;
  }
}
