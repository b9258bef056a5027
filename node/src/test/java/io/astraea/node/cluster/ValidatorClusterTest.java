package io.astraea.node.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.astraea.crypto.AccountAddress;
import io.astraea.ledger.state.StateKeys;
import io.astraea.ledger.types.Bytes;
import io.astraea.node.api.methods.LedgerReader;
import io.astraea.node.api.methods.ScriptPayloads;
import io.astraea.node.client.JsonRpcClient;
import io.astraea.node.faucet.FaucetKeys;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Four validators in one JVM on real peer sockets (mutual TLS) and real RocksDB directories:
 * they commit 1,000 transfers from 50 accounts and agree on the accumulator root; with one of
 * them stopped the other three keep committing; restarted on its data directory, the stopped one
 * catches up to the same root.
 */
class ValidatorClusterTest {
  private static final int NODES = 4;
  private static final int ACCOUNTS = 50;
  private static final int TRANSFERS_PER_ACCOUNT = 20;
  private static final long FUNDING = 1_000_000;
  private static final long FAUCET_AMOUNT = 5_000;
  private static final int LATE_TRANSFERS = 6;
  private static final long LATE_AMOUNT = 7;
  private static final int STOPPED = 3;
  private static final String XUS = TestAccount.XUS;
  private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
  private static final Duration COMMIT_TIMEOUT = Duration.ofSeconds(90);

  @TempDir Path dir;
  private LocalCluster cluster;
  private final SecureRandom random = new SecureRandom();
  private final long started = System.nanoTime();

  @AfterEach
  void stopCluster() {
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  @Timeout(value = 300, unit = TimeUnit.SECONDS)
  void validatorsCommitTransfersAgreeAndRecoverAStoppedNode() throws Exception {
    cluster = LocalCluster.generate(dir, NODES);
    cluster.startAll();
    awaitVersion(List.of(0, 1, 2, 3), 1, START_TIMEOUT, "every validator to commit a block");
    progress("4 validators committing");

    BigInteger supplyBefore = xusSupply(0);
    long dealerBefore = Rpc.balance(cluster.rpc(0), dealer().address(), XUS);
    List<TestAccount> accounts = createAndFund();
    progress(ACCOUNTS + " accounts funded");

    long[] expected = new long[ACCOUNTS];
    Arrays.fill(expected, FUNDING);
    submitTransfers(accounts, expected);
    progress((ACCOUNTS * TRANSFERS_PER_ACCOUNT) + " transfers submitted");
    awaitSequenceNumbers(accounts, TRANSFERS_PER_ACCOUNT, List.of(0));
    progress("all transfers committed on node 0 at version " + cluster.version(0));

    long common = cluster.version(0);
    awaitVersion(List.of(0, 1, 2, 3), common, COMMIT_TIMEOUT, "every validator to reach version " + common);
    assertSameRoot(List.of(0, 1, 2, 3), common);
    for (int n = 0; n < NODES; n++) {
      assertBalances(n, accounts, expected);
    }
    long total = 0;
    for (TestAccount a : accounts) {
      total += Rpc.balance(cluster.rpc(0), a.address(), XUS);
    }
    assertEquals(ACCOUNTS * FUNDING, total, "transfers among the accounts keep their total");
    assertEquals(dealerBefore, Rpc.balance(cluster.rpc(0), dealer().address(), XUS),
        "the dealer paid out exactly what was minted");
    assertEquals(supplyBefore.add(BigInteger.valueOf(ACCOUNTS * FUNDING)), xusSupply(0),
        "the XUS supply grew by the mint only");
    progress("roots agree at version " + common + ", balances add up");

    // One validator stops; three of four are still a quorum.
    long stoppedNodeVersion = cluster.version(STOPPED);
    cluster.stop(STOPPED);
    List<Integer> live = List.of(0, 1, 2);
    long stoppedAt = maxVersion(live);
    TestAccount fresh = TestAccount.generate(random);
    mintThroughFaucet(fresh, FAUCET_AMOUNT);
    for (int k = 0; k < LATE_TRANSFERS; k++) {
      TestAccount sender = accounts.get(k);
      Rpc.submit(cluster.rpc(live.get(k % live.size())),
          sender.sign(TRANSFERS_PER_ACCOUNT, ScriptPayloads.peerToPeer(XUS, fresh.address(), LATE_AMOUNT, Bytes.EMPTY,
              Bytes.EMPTY)));
    }
    awaitSequenceNumbers(accounts.subList(0, LATE_TRANSFERS), TRANSFERS_PER_ACCOUNT + 1, live);
    long freshBalance = FAUCET_AMOUNT + LATE_TRANSFERS * LATE_AMOUNT;
    Await.until(COMMIT_TIMEOUT, "the faucet account's balance on the live validators", () -> {
      for (int n : live) {
        if (Rpc.balance(cluster.rpc(n), fresh.address(), XUS) != freshBalance) {
          return false;
        }
      }
      return true;
    });
    long target = minVersion(live);
    assertTrue(target > stoppedAt, "the three live validators kept committing past version " + stoppedAt);
    assertSameRoot(live, target);
    progress("3 validators committed from version " + stoppedAt + " to " + target);
    double timeouts = 0;
    for (int n : live) {
      timeouts += cluster.node(n).metrics().consensusTimeouts.get();
    }
    assertTrue(timeouts > 0, "the stopped validator's turns show as round timeouts in the metrics");

    // The stopped validator restarts on its own data and catches up.
    cluster.start(STOPPED);
    assertTrue(cluster.version(STOPPED) >= stoppedNodeVersion, "the restarted validator resumed from its data");
    assertTrue(stoppedNodeVersion < target, "the stopped validator missed versions it must catch up on");
    awaitVersion(List.of(STOPPED), target, COMMIT_TIMEOUT, "the restarted validator to reach version " + target);
    assertSameRoot(List.of(0, STOPPED), target);
    progress("restarted validator caught up to version " + target);
    long head = maxVersion(live);
    awaitVersion(List.of(0, 1, 2, 3), head, COMMIT_TIMEOUT, "every validator to reach version " + head);
    assertSameRoot(List.of(0, 1, 2, 3), head);
    assertEquals(freshBalance, Rpc.balance(cluster.rpc(STOPPED), fresh.address(), XUS));
    for (int k = 0; k < LATE_TRANSFERS; k++) {
      JsonNode t = Rpc.accountTransaction(cluster.rpc(STOPPED), accounts.get(k).address(), TRANSFERS_PER_ACCOUNT)
          .orElseThrow(() -> new AssertionError("the restarted validator lacks a transfer made while it was down"));
      assertEquals("executed", t.path("vm_status").path("type").asText());
    }
    assertEquals(supplyBefore.add(BigInteger.valueOf(ACCOUNTS * FUNDING + FAUCET_AMOUNT)), xusSupply(STOPPED),
        "the XUS supply grew by the mints only");
    progress("all 4 validators agree at version " + head);
  }

  private FaucetKeys faucetKeys() throws Exception {
    return FaucetKeys.load(cluster.layout().faucetDir());
  }

  private TestAccount dealer() throws Exception {
    return TestAccount.of(faucetKeys().dealer());
  }

  /**
   * Treasury compliance creates the accounts and mints their total to the designated dealer;
   * once that has committed the dealer pays each account {@link #FUNDING}.
   */
  private List<TestAccount> createAndFund() throws Exception {
    JsonRpcClient rpc = cluster.rpc(0);
    TestAccount treasury = TestAccount.at(StateKeys.TREASURY_COMPLIANCE, faucetKeys().treasuryCompliance());
    TestAccount dealer = dealer();
    List<TestAccount> accounts = new ArrayList<>();
    long seq = Rpc.sequenceNumber(rpc, treasury.address());
    for (int i = 0; i < ACCOUNTS; i++) {
      TestAccount a = TestAccount.generate(random);
      accounts.add(a);
      Rpc.submit(rpc, treasury.sign(seq++,
          ScriptPayloads.createParentVasp(XUS, 0, a.address(), a.authKey().prefix(), "cluster account " + i, false)));
    }
    Rpc.submit(rpc, treasury.sign(seq++, ScriptPayloads.tieredMint(XUS, 0, dealer.address(), ACCOUNTS * FUNDING, 0)));
    long treasuryDone = seq;
    Await.until(COMMIT_TIMEOUT, "account creation and mint", () -> Rpc.sequenceNumber(rpc, treasury.address()) == treasuryDone);

    long dealerSeq = Rpc.sequenceNumber(rpc, dealer.address());
    for (TestAccount a : accounts) {
      Rpc.submit(rpc, dealer.sign(dealerSeq++, ScriptPayloads.peerToPeer(XUS, a.address(), FUNDING, Bytes.EMPTY, Bytes.EMPTY)));
    }
    long dealerDone = dealerSeq;
    Await.until(COMMIT_TIMEOUT, "funding payments", () -> Rpc.sequenceNumber(rpc, dealer.address()) == dealerDone);
    for (TestAccount a : accounts) {
      assertEquals(FUNDING, Rpc.balance(rpc, a.address(), XUS), "funded balance of " + a.address());
    }
    return accounts;
  }

  /**
   * Every account sends {@link #TRANSFERS_PER_ACCOUNT} payments with sequence numbers 0.. to other
   * accounts, all through one validator's JSON-RPC, the accounts spread over the validators;
   * {@code expected} is updated with the resulting balances.
   */
  private void submitTransfers(List<TestAccount> accounts, long[] expected) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(NODES);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int i = 0; i < ACCOUNTS; i++) {
        TestAccount sender = accounts.get(i);
        JsonRpcClient rpc = cluster.rpc(i % NODES);
        List<Payment> plan = new ArrayList<>();
        for (int k = 0; k < TRANSFERS_PER_ACCOUNT; k++) {
          int receiver = (i + 1 + k % (ACCOUNTS - 1)) % ACCOUNTS;
          long amount = 1 + (i * 31L + k * 7L) % 97;
          expected[i] -= amount;
          expected[receiver] += amount;
          plan.add(new Payment(accounts.get(receiver).address(), amount));
        }
        done.add(pool.submit(() -> {
          for (int k = 0; k < plan.size(); k++) {
            Payment p = plan.get(k);
            Rpc.submit(rpc, sender.sign(k, ScriptPayloads.peerToPeer(XUS, p.to(), p.amount(), Bytes.EMPTY, Bytes.EMPTY)));
          }
          return null;
        }));
      }
      for (Future<?> f : done) {
        f.get(COMMIT_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private record Payment(AccountAddress to, long amount) {}

  private void mintThroughFaucet(TestAccount account, long amount) throws Exception {
    URI mint = cluster.apiBase(0).resolve(
        "/mint?amount=" + amount + "&auth_key=" + account.authKey().toHex() + "&currency_code=" + XUS);
    HttpResponse<String> r = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(mint).timeout(COMMIT_TIMEOUT).POST(HttpRequest.BodyPublishers.noBody()).build(),
        HttpResponse.BodyHandlers.ofString());
    assertEquals(200, r.statusCode(), "faucet answered: " + r.body());
  }

  /** Waits until every account's sequence number is {@code seq} on every node in {@code nodes}. */
  private void awaitSequenceNumbers(List<TestAccount> accounts, long seq, List<Integer> nodes)
      throws InterruptedException {
    int[] next = new int[nodes.size()];
    Await.until(COMMIT_TIMEOUT, "sequence number " + seq + " of " + accounts.size() + " accounts", () -> {
      boolean all = true;
      for (int n = 0; n < nodes.size(); n++) {
        JsonRpcClient rpc = cluster.rpc(nodes.get(n));
        while (next[n] < accounts.size() && Rpc.sequenceNumber(rpc, accounts.get(next[n]).address()) == seq) {
          next[n]++;
        }
        all &= next[n] == accounts.size();
      }
      return all;
    });
  }

  private void awaitVersion(List<Integer> nodes, long version, Duration timeout, String what)
      throws InterruptedException {
    Await.until(timeout, what, () -> minVersion(nodes) >= version);
  }

  private void assertSameRoot(List<Integer> nodes, long version) throws Exception {
    String first = Rpc.accumulatorRoot(cluster.rpc(nodes.get(0)), version);
    for (int n : nodes) {
      assertEquals(first, Rpc.accumulatorRoot(cluster.rpc(n), version),
          "accumulator root of node " + n + " at version " + version);
      assertEquals(first, cluster.node(n).ledger().store().accumulatorRoot(version).toHex(),
          "stored accumulator root of node " + n + " at version " + version);
    }
  }

  private void assertBalances(int node, List<TestAccount> accounts, long[] expected) throws Exception {
    for (int i = 0; i < ACCOUNTS; i++) {
      assertEquals(expected[i], Rpc.balance(cluster.rpc(node), accounts.get(i).address(), XUS),
          "balance of account " + i + " on node " + node);
    }
  }

  private BigInteger xusSupply(int node) throws Exception {
    LedgerReader reader = new LedgerReader(cluster.node(node).ledger().store());
    return reader.system(reader.latestVersion()).currency(XUS).orElseThrow().totalValue();
  }

  private long minVersion(List<Integer> nodes) {
    return nodes.stream().mapToLong(cluster::version).min().orElseThrow();
  }

  private long maxVersion(List<Integer> nodes) {
    return nodes.stream().mapToLong(cluster::version).max().orElseThrow();
  }

  private void progress(String what) {
    System.out.printf("[cluster %5.1f s] %s%n", (System.nanoTime() - started) / 1e9, what);
  }
}
