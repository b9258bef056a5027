package io.astraea.node.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.astraea.crypto.AccountAddress;
import io.astraea.crypto.AuthenticationKey;
import io.astraea.crypto.keys.KeyFiles;
import io.astraea.ledger.state.AccountState;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.astraea.node.api.HttpApiServer;
import io.astraea.node.api.HttpReply;
import io.astraea.node.api.HttpRoute;
import io.astraea.node.api.JsonRpcDispatcher;
import io.astraea.node.api.JsonRpcRoute;
import io.astraea.node.api.methods.DiemJsonRpcMethods;
import io.astraea.node.api.methods.LedgerReader;
import io.astraea.node.api.methods.TestChain;
import io.astraea.node.api.methods.TransactionSubmitter;
import io.astraea.node.faucet.Faucet;
import io.astraea.node.faucet.FaucetKeys;
import io.astraea.node.faucet.FaucetRoute;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The account commands against an in-process node API (JSON-RPC and faucet) over a real ledger. */
class AccountCommandsTest {
  @TempDir static Path dir;
  static TestChain chain;
  static TransactionSubmitter committing;
  static HttpApiServer server;
  static String url;
  static String faucetUrl;

  private StringWriter out = new StringWriter();
  private StringWriter err = new StringWriter();

  @BeforeAll
  static void node() throws Exception {
    chain = new TestChain(dir.resolve("db"));
    // As on a validator, every commit comes with its signed ledger info.
    committing = txn -> {
      chain.submitter().submit(txn);
      try {
        chain.certify();
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    };
    DiemJsonRpcMethods methods = new DiemJsonRpcMethods(chain.store, committing, () -> 0);
    JsonRpcDispatcher dispatcher = new JsonRpcDispatcher(new ObjectMapper(), methods.methods(), methods::metadata, 20);
    Faucet faucet = new Faucet(new FaucetKeys(chain.treasury, chain.dealer), new LedgerReader(chain.store),
        committing);
    Map<String, HttpRoute> routes = Map.of("/v1", new JsonRpcRoute(dispatcher), "/mint", new FaucetRoute(faucet));
    server = new HttpApiServer(routes, 1 << 20, 2);
    InetSocketAddress a = server.start(new InetSocketAddress("127.0.0.1", 0));
    url = "http://127.0.0.1:" + a.getPort() + "/v1";
    faucetUrl = "http://127.0.0.1:" + a.getPort();
  }

  @AfterAll
  static void stop() {
    server.close();
    chain.close();
  }

  @FunctionalInterface
  private interface Edit {
    void apply(ObjectNode responseBody) throws Exception;
  }

  /** A node (at {@code url()}) that answers as the honest one would, after {@code edit} changed each response. */
  private record LyingNode(HttpApiServer server, String url) implements AutoCloseable {
    @Override
    public void close() {
      server.close();
    }
  }

  private static LyingNode lyingNode(Edit edit) throws InterruptedException {
    DiemJsonRpcMethods methods = new DiemJsonRpcMethods(chain.store, committing, () -> 0);
    JsonRpcRoute honest =
        new JsonRpcRoute(new JsonRpcDispatcher(new ObjectMapper(), methods.methods(), methods::metadata, 20));
    HttpRoute lying = request -> {
      try {
        ObjectNode body = (ObjectNode) new ObjectMapper().readTree(honest.handle(request).body());
        edit.apply(body);
        return HttpReply.json(200, new ObjectMapper().writeValueAsBytes(body));
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    };
    HttpApiServer server = new HttpApiServer(Map.of("/v1", lying), 1 << 20, 1);
    int port = server.start(new InetSocketAddress("127.0.0.1", 0)).getPort();
    return new LyingNode(server, "http://127.0.0.1:" + port + "/v1");
  }

  private static Path genesisFile() throws Exception {
    Path genesis = dir.resolve("genesis.yaml");
    Files.writeString(genesis, chain.description.toCanonicalYaml());
    return genesis;
  }

  private int run(String... args) {
    out = new StringWriter();
    err = new StringWriter();
    CommandLine cl = AstraeaCli.commandLine();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    return cl.execute(args);
  }

  private static AccountState state(AccountAddress a) throws Exception {
    return new LedgerReader(chain.store).latestAccount(a).orElseThrow();
  }

  private static AccountAddress addressOf(Path key) throws Exception {
    return AuthenticationKey.ed25519(KeyFiles.readPrivateKey(key).publicKey()).derivedAddress();
  }

  @Test
  void verifiedBalanceTrustsOnlyTheGenesisValidatorsAndTheProofs() throws Exception {
    Path genesis = genesisFile();
    String yaml = Files.readString(genesis);
    chain.certify();
    AccountAddress user = chain.user(2);
    assertEquals(0, run("account", "balance", "--url", url, "--address", user.toHex(), "--verify", genesis.toString()),
        err.toString());
    assertTrue(out.toString().contains("balance:          " + state(user).balance("XUS") + " XUS"), out.toString());
    assertTrue(out.toString().contains("signed by 1 of 1 validators"), out.toString());

    // The same answers against another validator set: refused.
    Path other = dir.resolve("other-genesis.yaml");
    String validatorKey = chain.validator.publicKey().toHex();
    assertTrue(yaml.contains(validatorKey));
    Files.writeString(other, yaml.replace(validatorKey, TestChain.key(42).publicKey().toHex()));
    assertEquals(1, run("account", "balance", "--url", url, "--address", user.toHex(), "--verify", other.toString()));
    assertTrue(err.toString().contains("not certified by the trusted validators"), err.toString());

    // A node that lies about the balance: the state proof gives it away.
    try (LyingNode liar = lyingNode(body -> {
      JsonNode result = body.path("result");
      if (result.has("blob") && result.get("blob").isTextual()) {
        AccountState real = AccountState.fromBcs(HexFormat.of().parseHex(result.get("blob").asText()));
        byte[] richer = real.withBalance("XUS", real.balance("XUS") + 1_000_000).toBcs();
        ((ObjectNode) result).put("blob", HexFormat.of().formatHex(richer));
      }
    })) {
      assertEquals(1, run("account", "balance", "--url", liar.url(), "--address", user.toHex(), "--verify",
          genesis.toString()));
      assertTrue(err.toString().contains("proof does not verify"), err.toString());
    }
  }

  @Test
  void createBalanceTransferHistory() throws Exception {
    Path key = dir.resolve("alice.key");
    assertEquals(0, run("account", "create", "--url", url, "--faucet", faucetUrl, "--key", key.toString(),
        "--amount", "5000"), err.toString());
    assertTrue(Files.exists(key) && Files.exists(dir.resolve("alice.key.pub")));
    AccountAddress alice = addressOf(key);
    assertTrue(out.toString().contains(alice.toHex()), out.toString());
    assertEquals(5000, state(alice).balance("XUS"));

    assertEquals(0, run("account", "create", "--url", url, "--faucet", faucetUrl + "/mint", "--key", key.toString(),
        "--amount", "1000"), err.toString());
    assertEquals(6000, state(alice).balance("XUS"), "the same key tops the same account up");

    assertEquals(0, run("account", "balance", "--url", url, "--key", key.toString()), err.toString());
    assertTrue(out.toString().contains("6000 XUS"), out.toString());

    AccountAddress bob = chain.user(1);
    long bobBefore = state(bob).balance("XUS");
    assertEquals(0, run("account", "transfer", "--url", url, "--key", key.toString(), "--to", bob.toHex(),
        "--amount", "1200", "--wait"), err.toString());
    assertTrue(out.toString().contains("executed at version"), out.toString());
    assertEquals(4800, state(alice).balance("XUS"));
    assertEquals(bobBefore + 1200, state(bob).balance("XUS"));
    assertEquals(1, state(alice).sequenceNumber());

    assertEquals(0, run("account", "transfer", "--url", url, "--key", key.toString(), "--to", bob.toHex(),
        "--amount", "300"), err.toString());
    assertTrue(out.toString().contains("sequence number 1"), out.toString());
    assertEquals(4500, state(alice).balance("XUS"));

    assertEquals(0, run("account", "transfer", "--url", url, "--key", key.toString(), "--to", bob.toHex(),
        "--amount", "50", "--verify", genesisFile().toString()), err.toString());
    assertTrue(out.toString().contains("executed at version"), out.toString());
    assertTrue(out.toString().contains("verified: version "), out.toString());
    assertEquals(4450, state(alice).balance("XUS"));
    // A node that alters the committed transaction's info (its event root): the proof gives it away.
    try (LyingNode liar = lyingNode(body -> {
      JsonNode list = body.path("result").path("serialized_txns_with_proofs");
      if (list.isArray() && list.size() == 1) {
        byte[] b = HexFormat.of().parseHex(list.get(0).asText());
        b[b.length - 9 - 32] ^= 1; // the info's event root: 32 bytes before gas used and status
        ((com.fasterxml.jackson.databind.node.ArrayNode) list).set(0, HexFormat.of().formatHex(b));
      }
    })) {
      assertEquals(1, run("account", "transfer", "--url", liar.url(), "--key", key.toString(), "--to", bob.toHex(),
          "--amount", "25", "--verify", genesisFile().toString()));
      assertTrue(err.toString().contains("transaction's proof does not verify"), err.toString());
    }
    assertEquals(4425, state(alice).balance("XUS"), "the payment itself went through the lying node");

    assertEquals(0, run("account", "history", "--url", url, "--address", alice.toHex()), err.toString());
    String h = out.toString();
    assertTrue(h.contains("6 payment(s)"), h);
    assertTrue(h.contains("received") && h.contains("5000 XUS from"), h);
    assertTrue(h.contains("1200 XUS to " + bob.toHex()), h);
    assertTrue(h.indexOf("5000 XUS") < h.indexOf("1200 XUS"), "ledger order: " + h);

    chain.certify();
    Path genesis = genesisFile();
    assertEquals(0, run("account", "history", "--url", url, "--address", alice.toHex(), "--verify",
        genesis.toString()), err.toString());
    String verified = out.toString();
    assertTrue(verified.contains("verified: version "), verified);
    assertEquals(h, verified.substring(0, verified.indexOf("verified: ")), "the same payments, all proven");

    // A node that withholds the account's events: the proven event counters give it away.
    try (LyingNode liar = lyingNode(body -> {
      JsonNode result = body.path("result");
      if (result.isArray() && result.size() > 0 && result.get(0).has("event_with_proof")) {
        body.putArray("result");
      }
    })) {
      assertEquals(1, run("account", "history", "--url", liar.url(), "--address", alice.toHex(), "--verify",
          genesis.toString()));
      assertTrue(err.toString().contains("left out"), err.toString());
    }
    // One that skips a payment in the middle of a stream: the sequence numbers give it away.
    try (LyingNode liar = lyingNode(body -> {
      JsonNode result = body.path("result");
      if (result.isArray() && result.size() > 1 && result.get(0).has("event_with_proof")) {
        ((com.fasterxml.jackson.databind.node.ArrayNode) result).remove(0);
      }
    })) {
      assertEquals(1, run("account", "history", "--url", liar.url(), "--address", alice.toHex(), "--verify",
          genesis.toString()));
      assertTrue(err.toString().contains("expected event 0"), err.toString());
    }
  }

  @Test
  void failedPaymentExitsOneWithItsStatus() throws Exception {
    Path key = dir.resolve("carol.key");
    assertEquals(0, run("account", "create", "--url", url, "--faucet", faucetUrl, "--key", key.toString(),
        "--amount", "10"), err.toString());
    assertEquals(1, run("account", "transfer", "--url", url, "--key", key.toString(), "--to", chain.user(0).toHex(),
        "--amount", "11", "--wait"));
    assertTrue(err.toString().contains("move_abort"), err.toString());
    assertEquals(10, state(addressOf(key)).balance("XUS"));
  }

  @Test
  void missingAccountsAndKeysAreFailuresNotCrashes() {
    assertEquals(1, run("account", "balance", "--url", url, "--address", "00000000000000000000000000abcdef"));
    assertTrue(err.toString().contains("does not exist"), err.toString());
    assertEquals(1, run("account", "balance", "--url", url, "--key", dir.resolve("nope.key").toString()));
    assertEquals(1, run("account", "transfer", "--url", url, "--key", dir.resolve("nope.key").toString(),
        "--to", "0x1", "--amount", "1"));
    assertEquals(1, run("account", "balance", "--url", "http://127.0.0.1:1/v1", "--address", "0x1"));
    assertEquals(1, run("account", "create", "--url", url, "--faucet", faucetUrl, "--key",
        dir.resolve("dave.key").toString(), "--currency", "ABC"));
    assertTrue(err.toString().contains("400") && err.toString().contains("unknown currency"), err.toString());
  }

  @Test
  void usageErrorsExitTwo() {
    assertEquals(2, run("account", "balance", "--url", url));
    assertEquals(2, run("account", "balance", "--url", url, "--address", "0x1", "--key", "k"));
    assertEquals(2, run("account", "balance", "--url", url, "--address", "not-hex"));
    assertEquals(2, run("account", "transfer", "--url", url, "--key", "k", "--to", "0x1"));
    assertEquals(2, run("account", "transfer", "--url", url, "--key", "k", "--to", "0x1", "--amount", "-1"));
    assertEquals(2, run("account", "history"));
    assertEquals(2, run("account"));
  }
}
