package io.astraea.node.api.methods;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.astraea.crypto.AccountAddress;
import io.astraea.ledger.execution.StandardScript;
import io.astraea.ledger.state.StateKeys;
import io.astraea.ledger.types.Bytes;
import io.astraea.node.api.JsonRpcDispatcher;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The read methods against a real RocksDB ledger: genesis plus three executed blocks. */
class DiemJsonRpcMethodsTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  @TempDir static Path dir;
  static TestChain chain;
  static JsonRpcDispatcher dispatcher;
  static long abortedVersion;

  @BeforeAll
  static void ledger() throws Exception {
    chain = new TestChain(dir);
    // block 1 (versions 1..3): user0 -> user1 100, user2 -> user0 5
    chain.block(List.of(
        chain.txn(chain.users.get(0), chain.user(0), 0, p2p(chain.user(1), 100)),
        chain.txn(chain.users.get(2), chain.user(2), 0, p2p(chain.user(0), 5))));
    // block 2 (versions 4..5): user0 -> user2 7
    chain.block(List.of(chain.txn(chain.users.get(0), chain.user(0), 1, p2p(chain.user(2), 7))));
    // block 3 (versions 6..7): user1 pays more than it has: kept, aborted
    chain.block(List.of(chain.txn(chain.users.get(1), chain.user(1), 0, p2p(chain.user(0), TestChain.FUNDS * 10))));
    abortedVersion = chain.store.latestVersion();
    // block 4 (versions 8..9): treasury compliance mints 250 XUS to the dealer
    chain.block(List.of(chain.txn(chain.treasury, StateKeys.TREASURY_COMPLIANCE, 0,
        ScriptPayloads.tieredMint("XUS", 0, TestChain.address(chain.dealer), 250, 0))));
    DiemJsonRpcMethods methods = new DiemJsonRpcMethods(chain.store, chain.submitter(), () -> 3);
    dispatcher = new JsonRpcDispatcher(MAPPER, methods.methods(), methods::metadata, 20);
  }

  @AfterAll
  static void close() {
    chain.close();
  }

  static io.astraea.ledger.types.TransactionPayload p2p(AccountAddress to, long amount) {
    return ScriptPayloads.peerToPeer("XUS", to, amount, Bytes.EMPTY, Bytes.EMPTY);
  }

  static JsonNode call(String method, Object... params) throws Exception {
    ObjectNode req = MAPPER.createObjectNode();
    req.put("jsonrpc", "2.0").put("id", 1).put("method", method);
    ArrayNode p = req.putArray("params");
    for (Object o : params) {
      p.add(MAPPER.valueToTree(o));
    }
    return MAPPER.readTree(dispatcher.handle(MAPPER.writeValueAsBytes(req)));
  }

  static JsonNode result(String method, Object... params) throws Exception {
    JsonNode r = call(method, params);
    assertTrue(r.get("error") == null || r.get("error").isNull(), r.toString());
    return r.get("result");
  }

  static int errorCode(String method, Object... params) throws Exception {
    JsonNode r = call(method, params);
    assertTrue(r.path("result").isMissingNode(), r.toString());
    return r.path("error").path("code").asInt();
  }

  static long xus(JsonNode account) {
    for (JsonNode b : account.get("balances")) {
      if (b.get("currency").asText().equals("XUS")) {
        return b.get("amount").asLong();
      }
    }
    throw new AssertionError("no XUS balance in " + account);
  }

  @Test
  void metadataDescribesTheLatestAndAnEarlierVersion() throws Exception {
    long latest = chain.store.latestVersion();
    JsonNode r = call("get_metadata");
    assertEquals(latest, r.get("diem_ledger_version").asLong());
    assertEquals(TestChain.CHAIN, r.get("diem_chain_id").asInt());
    JsonNode m = r.get("result");
    assertEquals(latest, m.get("version").asLong());
    assertEquals(TestChain.CHAIN, m.get("chain_id").asInt());
    assertEquals(TestChain.START_USECS + 4_000_000, m.get("timestamp").asLong());
    assertEquals(r.get("diem_ledger_timestampusec").asLong(), m.get("timestamp").asLong());
    assertEquals(chain.store.accumulatorRoot(latest).toHex(), m.get("accumulator_root_hash").asText());
    assertTrue(m.get("script_hash_allow_list").toString().contains(
        StandardScript.PEER_TO_PEER_WITH_METADATA.codeHash().orElseThrow().toHex()));
    assertFalse(m.get("module_publishing_allowed").asBoolean());

    JsonNode atGenesis = result("get_metadata", 0);
    assertEquals(0, atGenesis.get("version").asLong());
    assertEquals(TestChain.START_USECS, atGenesis.get("timestamp").asLong());
    assertEquals(chain.store.accumulatorRoot(0).toHex(), atGenesis.get("accumulator_root_hash").asText());
    assertTrue(atGenesis.get("script_hash_allow_list") == null);

    assertEquals(-32602, errorCode("get_metadata", latest + 1));
    assertEquals(-32602, errorCode("get_metadata", "latest"));
    assertEquals(-32602, errorCode("get_metadata", 1, 2));
  }

  @Test
  void accountShowsBalancesSequenceKeysAndRole() throws Exception {
    JsonNode a = result("get_account", chain.user(0).toHex());
    assertEquals(chain.user(0).toHex(), a.get("address").asText());
    assertEquals(TestChain.FUNDS - 100 + 5 - 7, xus(a));
    assertEquals(2, a.get("sequence_number").asLong());
    assertEquals(TestChain.authKey(chain.users.get(0)).toHex(), a.get("authentication_key").asText());
    assertEquals(48, a.get("sent_events_key").asText().length());
    assertTrue(a.get("sent_events_key").asText().endsWith(chain.user(0).toHex()));
    assertFalse(a.get("is_frozen").asBoolean());
    assertTrue(a.get("role").has("type"));
    assertEquals(chain.store.latestVersion(), a.get("version").asLong());

    JsonNode dealer = result("get_account", "0x" + TestChain.address(chain.dealer).toHex());
    assertEquals("designated_dealer", dealer.get("role").get("type").asText());
    assertEquals("dealer", dealer.get("role").get("human_name").asText());

    JsonNode atGenesis = result("get_account", chain.user(0).toHex(), 0);
    assertEquals(TestChain.FUNDS, xus(atGenesis));
    assertEquals(0, atGenesis.get("sequence_number").asLong());

    assertTrue(result("get_account", "00000000000000000000000000abcdef").isNull());
    assertEquals(-32602, errorCode("get_account", "not-hex"));
    assertEquals(-32602, errorCode("get_account", 12));
    assertEquals(-32602, errorCode("get_account"));
  }

  @Test
  void transactionsPageShowsEveryKindWithEventsAndStatus() throws Exception {
    long latest = chain.store.latestVersion();
    JsonNode txns = result("get_transactions", 0, 1000, true);
    assertEquals(latest + 1, txns.size());
    assertEquals("writeset", txns.get(0).get("transaction").get("type").asText());
    assertEquals("blockmetadata", txns.get(1).get("transaction").get("type").asText());
    assertEquals(TestChain.START_USECS + 1_000_000, txns.get(1).get("transaction").get("timestamp_usecs").asLong());

    JsonNode pay = txns.get(2);
    assertEquals(2, pay.get("version").asLong());
    assertEquals(chain.store.transaction(2, false).info().transactionHash().toHex(), pay.get("hash").asText());
    assertEquals(HexFormat.of().formatHex(chain.store.transaction(2, false).transaction().toBcs()),
        pay.get("bytes").asText());
    JsonNode data = pay.get("transaction");
    assertEquals("user", data.get("type").asText());
    assertEquals(chain.user(0).toHex(), data.get("sender").asText());
    assertEquals("Scheme::Ed25519", data.get("signature_scheme").asText());
    assertEquals(chain.users.get(0).publicKey().toHex(), data.get("public_key").asText());
    assertEquals(TestChain.CHAIN, data.get("chain_id").asInt());
    assertEquals("XUS", data.get("gas_currency").asText());
    JsonNode script = data.get("script");
    assertEquals("script_function", script.get("type").asText());
    assertEquals("PaymentScripts", script.get("module_name").asText());
    assertEquals("peer_to_peer_with_metadata", script.get("function_name").asText());
    assertEquals(chain.user(1).toHex(), script.get("receiver").asText());
    assertEquals(100, script.get("amount").asLong());
    assertEquals("XUS", script.get("currency").asText());
    assertEquals("[\"XUS\"]", script.get("type_arguments").toString());
    assertEquals("executed", pay.get("vm_status").get("type").asText());
    assertTrue(pay.get("gas_used").asLong() > 0);

    JsonNode events = pay.get("events");
    assertEquals(2, events.size(), events.toString());
    JsonNode sent = find(events, "sentpayment");
    assertEquals(100, sent.get("amount").get("amount").asLong());
    assertEquals(chain.user(0).toHex(), sent.get("sender").asText());
    assertEquals(chain.user(1).toHex(), sent.get("receiver").asText());
    JsonNode received = find(events, "receivedpayment");
    assertEquals(chain.user(0).toHex(), received.get("sender").asText());
    assertEquals(chain.user(1).toHex(), received.get("receiver").asText());

    JsonNode aborted = txns.get((int) abortedVersion).get("vm_status");
    assertEquals("move_abort", aborted.get("type").asText(), aborted.toString());
    assertTrue(aborted.get("location").asText().endsWith("::DiemAccount"), aborted.toString());
    assertTrue(aborted.has("abort_code"));

    JsonNode noEvents = result("get_transactions", 2, 1, false);
    assertEquals(1, noEvents.size());
    assertEquals(0, noEvents.get(0).get("events").size());
    assertEquals(0, result("get_transactions", latest + 1, 10, true).size());
    assertEquals(0, result("get_transactions", 0, 0, true).size());
    assertEquals(-32600, errorCode("get_transactions", 0, 1001, false));
    assertEquals(-32602, errorCode("get_transactions", "0", 10, false));
    assertEquals(-32602, errorCode("get_transactions", -1, 10, false));
    assertEquals(-32602, errorCode("get_transactions", 0, 10, "yes"));
    assertEquals(-32602, errorCode("get_transactions", 0, 10));
  }

  private static JsonNode find(JsonNode events, String type) {
    for (JsonNode e : events) {
      if (e.get("data").get("type").asText().equals(type)) {
        return e.get("data");
      }
    }
    throw new AssertionError("no " + type + " event in " + events);
  }

  @Test
  void mintAndBlockEventsAreDecoded() throws Exception {
    long latest = chain.store.latestVersion();
    JsonNode block = result("get_transactions", latest - 1, 2, true);
    JsonNode newBlock = find(block.get(0).get("events"), "newblock");
    assertEquals(4, newBlock.get("round").asLong());
    assertEquals(TestChain.address(chain.validator).toHex(), newBlock.get("proposer").asText());
    assertEquals(TestChain.START_USECS + 4_000_000, newBlock.get("proposed_time").asLong());

    JsonNode mintTxn = block.get(1);
    assertEquals("tiered_mint", mintTxn.get("transaction").get("script").get("function_name").asText());
    assertEquals("executed", mintTxn.get("vm_status").get("type").asText());
    JsonNode events = mintTxn.get("events");
    JsonNode received = find(events, "receivedmint");
    assertEquals(250, received.get("amount").get("amount").asLong());
    assertEquals("XUS", received.get("amount").get("currency").asText());
    assertEquals(TestChain.address(chain.dealer).toHex(), received.get("destination_address").asText());
    assertEquals(250, find(events, "mint").get("amount").get("amount").asLong());
    JsonNode currencies = result("get_currencies");
    String mintKey = currencies.get(1).get("mint_events_key").asText();
    JsonNode mints = result("get_events", mintKey, 0, 10);
    assertEquals(1, mints.size(), mints.toString());
    assertEquals(latest, mints.get(0).get("transaction_version").asLong());
  }

  @Test
  void accountTransactionsAreFoundBySequenceNumber() throws Exception {
    JsonNode first = result("get_account_transaction", chain.user(0).toHex(), 0, true);
    assertEquals(2, first.get("version").asLong());
    assertEquals(2, first.get("events").size());
    JsonNode second = result("get_account_transaction", chain.user(0).toHex(), 1, false);
    assertEquals(1, second.get("transaction").get("sequence_number").asLong());
    assertEquals(0, second.get("events").size());
    assertTrue(result("get_account_transaction", chain.user(0).toHex(), 2, false).isNull());

    JsonNode all = result("get_account_transactions", chain.user(0).toHex(), 0, 10, false);
    assertEquals(2, all.size());
    assertEquals(0, all.get(0).get("transaction").get("sequence_number").asLong());
    assertEquals(1, all.get(1).get("transaction").get("sequence_number").asLong());
    assertEquals(1, result("get_account_transactions", chain.user(0).toHex(), 1, 10, false).size());
    assertEquals(1, result("get_account_transactions", chain.user(0).toHex(), 0, 1, false).size());
    assertEquals(0, result("get_account_transactions", "00000000000000000000000000abcdef", 0, 10, false).size());
    assertEquals(-32600, errorCode("get_account_transactions", chain.user(0).toHex(), 0, 5000, false));
    assertEquals(-32602, errorCode("get_account_transaction", chain.user(0).toHex(), "x", false));
  }

  @Test
  void eventsAreReadByStreamKey() throws Exception {
    JsonNode account = result("get_account", chain.user(0).toHex());
    String sentKey = account.get("sent_events_key").asText();
    JsonNode sent = result("get_events", sentKey, 0, 10);
    assertEquals(2, sent.size(), sent.toString());
    assertEquals(0, sent.get(0).get("sequence_number").asLong());
    assertEquals(2, sent.get(0).get("transaction_version").asLong());
    assertEquals(sentKey, sent.get(0).get("key").asText());
    assertEquals("sentpayment", sent.get(1).get("data").get("type").asText());
    assertEquals(chain.user(2).toHex(), sent.get(1).get("data").get("receiver").asText());
    assertEquals(7, sent.get(1).get("data").get("amount").get("amount").asLong());
    assertEquals(1, result("get_events", sentKey, 1, 10).size());

    String receivedKey = account.get("received_events_key").asText();
    JsonNode received = result("get_events", receivedKey, 0, 10);
    assertEquals(1, received.size(), received.toString());
    assertEquals(chain.user(2).toHex(), received.get(0).get("data").get("sender").asText());

    assertEquals(-32602, errorCode("get_events", "abcd", 0, 10));
    assertEquals(-32602, errorCode("get_events", sentKey, 0));
    assertEquals(-32600, errorCode("get_events", sentKey, 0, 1001));
  }

  @Test
  void currenciesListEveryRegisteredCurrency() throws Exception {
    JsonNode c = result("get_currencies");
    assertEquals(2, c.size());
    assertEquals("XDX", c.get(0).get("code").asText());
    JsonNode xus = c.get(1);
    assertEquals("XUS", xus.get("code").asText());
    assertEquals(1_000_000, xus.get("scaling_factor").asLong());
    assertEquals(100, xus.get("fractional_part").asLong());
    assertTrue(xus.get("to_xdx_exchange_rate").asDouble() > 0);
    for (String k : List.of("mint_events_key", "burn_events_key", "preburn_events_key", "cancel_burn_events_key",
        "exchange_rate_update_events_key")) {
      assertEquals(48, xus.get(k).asText().length(), k);
    }
    assertEquals(-32602, errorCode("get_currencies", 1));
  }

  @Test
  void networkStatusCountsPeers() throws Exception {
    assertEquals(3, result("get_network_status").asInt());
  }

  @Test
  void batchAnswersEveryRequestAtOneLedgerVersion() throws Exception {
    String body = "[{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"get_currencies\",\"params\":[]},"
        + "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"get_account\",\"params\":[\"" + chain.user(1).toHex() + "\"]}]";
    JsonNode r = MAPPER.readTree(dispatcher.handle(body.getBytes()));
    assertEquals(2, r.size());
    assertEquals(2, r.get(0).get("result").size());
    assertEquals(chain.user(1).toHex(), r.get(1).get("result").get("address").asText());
    assertEquals(r.get(0).get("diem_ledger_version"), r.get(1).get("diem_ledger_version"));
  }
}
