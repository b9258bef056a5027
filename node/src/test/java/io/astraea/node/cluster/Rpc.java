package io.astraea.node.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import io.astraea.crypto.AccountAddress;
import io.astraea.ledger.types.SignedTransaction;
import io.astraea.node.client.JsonRpcClient;
import java.io.IOException;
import java.util.HexFormat;
import java.util.Optional;

/** The few JSON-RPC reads and writes the cluster tests make, with Diem's parameter shapes. */
final class Rpc {
  private Rpc() {}

  static void submit(JsonRpcClient c, SignedTransaction txn) throws IOException, InterruptedException {
    c.call("submit", HexFormat.of().formatHex(txn.toBcs()));
  }

  static Optional<JsonNode> account(JsonRpcClient c, AccountAddress a) throws IOException, InterruptedException {
    JsonNode r = c.call("get_account", a.toHex());
    return r == null || r.isNull() ? Optional.empty() : Optional.of(r);
  }

  /** The account's sequence number, 0 if it does not exist yet. */
  static long sequenceNumber(JsonRpcClient c, AccountAddress a) throws IOException, InterruptedException {
    return account(c, a).map(n -> n.path("sequence_number").asLong()).orElse(0L);
  }

  /** The account's balance in {@code currency}; 0 if the account or the balance does not exist. */
  static long balance(JsonRpcClient c, AccountAddress a, String currency) throws IOException, InterruptedException {
    Optional<JsonNode> acc = account(c, a);
    if (acc.isEmpty()) {
      return 0;
    }
    for (JsonNode b : acc.get().path("balances")) {
      if (b.path("currency").asText().equals(currency)) {
        return b.path("amount").asLong();
      }
    }
    return 0;
  }

  /** {@code get_metadata(version)}: the transaction accumulator root hash at {@code version}. */
  static String accumulatorRoot(JsonRpcClient c, long version) throws IOException, InterruptedException {
    JsonNode m = c.call("get_metadata", version);
    if (m.path("version").asLong() != version) {
      throw new IOException("get_metadata(" + version + ") answered version " + m.path("version"));
    }
    return m.path("accumulator_root_hash").asText();
  }

  /** The committed transaction {@code sender} sent with {@code seq}, if any. */
  static Optional<JsonNode> accountTransaction(JsonRpcClient c, AccountAddress sender, long seq)
      throws IOException, InterruptedException {
    JsonNode r = c.call("get_account_transaction", sender.toHex(), seq, false);
    return r == null || r.isNull() ? Optional.empty() : Optional.of(r);
  }
}
