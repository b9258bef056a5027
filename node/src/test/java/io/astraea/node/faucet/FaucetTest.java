package io.astraea.node.faucet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.astraea.config.testnet.TestnetGenerator;
import io.astraea.crypto.AccountAddress;
import io.astraea.crypto.AuthenticationKey;
import io.astraea.crypto.Ed25519PrivateKey;
import io.astraea.crypto.bcs.BcsReader;
import io.astraea.crypto.keys.KeyFiles;
import io.astraea.ledger.execution.TransactionOutput;
import io.astraea.ledger.state.AccountRole;
import io.astraea.ledger.state.AccountState;
import io.astraea.ledger.state.StateKeys;
import io.astraea.ledger.types.SignedTransaction;
import io.astraea.ledger.types.TransactionStatus;
import io.astraea.node.api.HttpReply;
import io.astraea.node.api.methods.LedgerReader;
import io.astraea.node.api.methods.TestChain;
import io.astraea.node.api.methods.TransactionSubmitter;
import io.astraea.node.mempool.MempoolRejection;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpVersion;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FaucetTest {
  @TempDir Path dir;

  private static Faucet faucet(TestChain chain, TransactionSubmitter s, Duration timeout) {
    return new Faucet(new FaucetKeys(chain.treasury, chain.dealer), new LedgerReader(chain.store), s,
        Clock.systemUTC(), timeout, Duration.ofMinutes(10));
  }

  private static AuthenticationKey newKey(int i) {
    return AuthenticationKey.ed25519(TestChain.key(100 + i).publicKey());
  }

  private static AccountState account(TestChain chain, AccountAddress a) throws Exception {
    return new LedgerReader(chain.store).latestAccount(a).orElseThrow(() -> new AssertionError("no account " + a));
  }

  private static HttpReply post(FaucetRoute route, String query) {
    return route.handle(new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.POST, "/mint?" + query));
  }

  private static String body(HttpReply r) {
    return new String(r.body(), StandardCharsets.UTF_8);
  }

  @Test
  void mintCreatesAMissingAccountAndFundsIt() throws Exception {
    try (TestChain chain = new TestChain(dir.resolve("db"))) {
      FaucetRoute route = new FaucetRoute(faucet(chain, chain.submitter(), Duration.ofSeconds(5)));
      AuthenticationKey key = newKey(1);
      AccountAddress a = key.derivedAddress();

      HttpReply r = post(route, "amount=1500&auth_key=" + key.toHex() + "&currency_code=XUS");
      assertEquals(200, r.status(), body(r));
      AccountState s = account(chain, a);
      assertEquals(1500, s.balance("XUS"));
      assertEquals(key.toHex(), s.authKey().toHex());
      assertTrue(s.role() instanceof AccountRole.ParentVasp, s.toString());
      AccountAddress dealer = TestChain.address(chain.dealer);
      assertEquals(Long.toString(account(chain, dealer).sequenceNumber()), body(r));
      assertEquals(2, account(chain, StateKeys.TREASURY_COMPLIANCE).sequenceNumber());

      HttpReply again = post(route, "amount=500&auth_key=" + key.toHex() + "&currency_code=XUS");
      assertEquals(200, again.status(), body(again));
      assertEquals(2000, account(chain, a).balance("XUS"));
      assertEquals("2", body(again));
      assertEquals(3, account(chain, StateKeys.TREASURY_COMPLIANCE).sequenceNumber(), "no second creation");
    }
  }

  @Test
  void returnTxnsGivesTheSubmittedTransactionsAsBcs() throws Exception {
    try (TestChain chain = new TestChain(dir.resolve("db"))) {
      FaucetRoute route = new FaucetRoute(faucet(chain, chain.submitter(), Duration.ofSeconds(5)));
      AuthenticationKey key = newKey(2);
      HttpReply r = post(route, "amount=10&auth_key=" + key.toHex() + "&currency_code=XUS&return_txns=true");
      assertEquals(200, r.status(), body(r));
      List<SignedTransaction> txns =
          BcsReader.decode(HexFormat.of().parseHex(body(r)), rd -> rd.readSeq(SignedTransaction::decode));
      assertEquals(3, txns.size());
      assertEquals(StateKeys.TREASURY_COMPLIANCE, txns.get(0).sender());
      assertEquals(StateKeys.TREASURY_COMPLIANCE, txns.get(1).sender());
      assertEquals(TestChain.address(chain.dealer), txns.get(2).sender());
      for (SignedTransaction t : txns) {
        assertTrue(chain.store.transactionByHash(
            new io.astraea.ledger.types.Transaction.UserTransaction(t).hash(), false).isPresent());
      }
    }
  }

  @Test
  void badParametersAreRejectedWithAReason() throws Exception {
    try (TestChain chain = new TestChain(dir.resolve("db"))) {
      List<SignedTransaction> seen = new ArrayList<>();
      FaucetRoute route = new FaucetRoute(faucet(chain, seen::add, Duration.ofSeconds(1)));
      String key = newKey(3).toHex();
      String[][] cases = {
        {"auth_key=" + key + "&currency_code=XUS", "missing parameter amount"},
        {"amount=0&auth_key=" + key + "&currency_code=XUS", "positive integer"},
        {"amount=-5&auth_key=" + key + "&currency_code=XUS", "positive integer"},
        {"amount=ten&auth_key=" + key + "&currency_code=XUS", "positive integer"},
        {"amount=99999999999999999999&auth_key=" + key + "&currency_code=XUS", "positive integer"},
        {"amount=5&auth_key=abcd&currency_code=XUS", "auth_key"},
        {"amount=5&auth_key=" + key, "missing parameter currency_code"},
        {"amount=5&auth_key=" + key + "&currency_code=XYZ", "unknown currency XYZ"},
        {"amount=5&auth_key=" + key + "&currency_code=XUS&return_txns=maybe", "return_txns"},
        {"amount=5&amount=6&auth_key=" + key + "&currency_code=XUS", "more than once"},
      };
      for (String[] c : cases) {
        HttpReply r = post(route, c[0]);
        assertEquals(400, r.status(), c[0] + " -> " + body(r));
        assertTrue(body(r).contains(c[1]), c[0] + " -> " + body(r));
      }
      HttpReply get = route.handle(new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, "/mint?amount=1"));
      assertEquals(405, get.status());
      assertTrue(seen.isEmpty(), "nothing submitted for a bad request");
    }
  }

  @Test
  void refusedTransactionGivesItsSequenceNumberBack() throws Exception {
    try (TestChain chain = new TestChain(dir.resolve("db"))) {
      TransactionSubmitter real = chain.submitter();
      AtomicBoolean full = new AtomicBoolean(true);
      List<Long> seqs = new ArrayList<>();
      Faucet f = faucet(chain, t -> {
        if (full.get()) {
          throw new MempoolRejection(MempoolRejection.Reason.MEMPOOL_FULL, "mempool is full");
        }
        seqs.add(t.sequenceNumber());
        real.submit(t);
      }, Duration.ofSeconds(5));
      FaucetRoute route = new FaucetRoute(f);
      String q = "amount=7&auth_key=" + newKey(4).toHex() + "&currency_code=XUS";
      HttpReply busy = post(route, q);
      assertEquals(503, busy.status(), body(busy));
      assertTrue(body(busy).contains("MEMPOOL_FULL"), body(busy));

      full.set(false);
      HttpReply ok = post(route, q);
      assertEquals(200, ok.status(), body(ok));
      assertEquals(List.of(0L, 1L, 0L), seqs, "treasury 0 and 1, then dealer 0: no gap left by the refusal");
      assertEquals(7, account(chain, newKey(4).derivedAddress()).balance("XUS"));
    }
  }

  @Test
  void uncommittedMintTimesOutAndTheFaucetRecovers() throws Exception {
    try (TestChain chain = new TestChain(dir.resolve("db"))) {
      TransactionSubmitter real = chain.submitter();
      AtomicBoolean drop = new AtomicBoolean(true);
      Faucet f = faucet(chain, t -> {
        if (!drop.get()) {
          real.submit(t);
        }
      }, Duration.ofMillis(200));
      AuthenticationKey key = newKey(5);
      FaucetException e = assertThrows(FaucetException.class,
          () -> f.mint(new MintRequest(9, key, "XUS", false)));
      assertEquals(FaucetException.Kind.UNAVAILABLE, e.kind());

      drop.set(false);
      Faucet.MintResult r = f.mint(new MintRequest(9, key, "XUS", false));
      assertEquals(1, r.dealerNextSequenceNumber());
      assertEquals(9, account(chain, key.derivedAddress()).balance("XUS"));
    }
  }

  @Test
  void aTimedOutMintStillWaitingInTheMempoolDoesNotBlockTheNext() throws Exception {
    try (TestChain chain = new TestChain(dir.resolve("db"))) {
      TransactionSubmitter real = chain.submitter();
      // While held, the "mempool" keeps what it is given (no block commits), and refuses a second
      // transaction at a number it holds, as the node's mempool does.
      AtomicBoolean hold = new AtomicBoolean(true);
      java.util.TreeMap<Long, SignedTransaction> waiting = new java.util.TreeMap<>();
      List<Long> treasuryAccepted = new ArrayList<>();
      Faucet f = faucet(chain, t -> {
        if (t.sender().equals(StateKeys.TREASURY_COMPLIANCE)) {
          if (waiting.containsKey(t.sequenceNumber())) {
            throw new MempoolRejection(MempoolRejection.Reason.INVALID_UPDATE,
                "a transaction with this sequence number is waiting; only a gas price increase may replace it");
          }
          treasuryAccepted.add(t.sequenceNumber());
        }
        if (hold.get()) {
          waiting.put(t.sequenceNumber(), t);
        } else {
          real.submit(t);
        }
      }, Duration.ofMillis(300));
      AuthenticationKey first = newKey(6);
      FaucetException e = assertThrows(FaucetException.class,
          () -> f.mint(new MintRequest(5, first, "XUS", false)));
      assertEquals(FaucetException.Kind.UNAVAILABLE, e.kind(), e.getMessage());

      // The next request comes while the first one's transactions (0 and 1) still wait: it takes 2
      // and 3 instead of failing on 0. Then blocks commit again, the waiting ones first.
      AuthenticationKey second = newKey(7);
      CompletableFuture<Faucet.MintResult> r = f.mintAsync(new MintRequest(8, second, "XUS", false));
      assertEquals(List.of(0L, 1L, 2L, 3L), treasuryAccepted);
      hold.set(false);
      for (SignedTransaction t : waiting.values()) {
        real.submit(t);
      }
      assertEquals(1, r.get(10, java.util.concurrent.TimeUnit.SECONDS).dealerNextSequenceNumber());
      assertEquals(8, account(chain, second.derivedAddress()).balance("XUS"));
      assertEquals(0, account(chain, first.derivedAddress()).balance("XUS"), "created; its payment never sent");
    }
  }

  @Test
  void concurrentRequestsKeepSequenceNumbersInOrder() throws Exception {
    try (TestChain chain = new TestChain(dir.resolve("db"))) {
      List<SignedTransaction> pending = new ArrayList<>();
      List<TransactionOutput> discarded = new ArrayList<>();
      AtomicBoolean running = new AtomicBoolean(true);
      Thread committer = new Thread(() -> {
        while (running.get()) {
          List<SignedTransaction> batch;
          synchronized (pending) {
            batch = new ArrayList<>(pending);
            pending.clear();
          }
          if (!batch.isEmpty()) {
            try {
              for (TransactionOutput o : chain.block(batch).outputs()) {
                if (o.status() instanceof TransactionStatus.Discard) {
                  synchronized (discarded) {
                    discarded.add(o);
                  }
                }
              }
            } catch (Exception ex) {
              throw new IllegalStateException(ex);
            }
          }
          try {
            Thread.sleep(5);
          } catch (InterruptedException ex) {
            return;
          }
        }
      });
      committer.start();
      Faucet f = faucet(chain, t -> {
        synchronized (pending) {
          pending.add(t);
        }
      }, Duration.ofSeconds(10));
      int n = 8;
      ExecutorService pool = Executors.newFixedThreadPool(n);
      try {
        List<Future<Faucet.MintResult>> results = new ArrayList<>();
        for (int i = 0; i < n; i++) {
          AuthenticationKey key = newKey(10 + i);
          long amount = 100 + i;
          results.add(pool.submit(() -> f.mint(new MintRequest(amount, key, "XUS", false))));
        }
        List<Long> dealerSeqs = new ArrayList<>();
        for (Future<Faucet.MintResult> r : results) {
          dealerSeqs.add(r.get().dealerNextSequenceNumber());
        }
        dealerSeqs.sort(null);
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L), dealerSeqs);
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (account(chain, TestChain.address(chain.dealer)).sequenceNumber() < n && System.nanoTime() < deadline) {
          Thread.sleep(10);
        }
      } finally {
        pool.shutdownNow();
        running.set(false);
        committer.join();
      }
      assertTrue(discarded.isEmpty(), "discarded: " + discarded);
      for (int i = 0; i < n; i++) {
        assertEquals(100 + i, account(chain, newKey(10 + i).derivedAddress()).balance("XUS"));
      }
      assertEquals(2L * n, account(chain, StateKeys.TREASURY_COMPLIANCE).sequenceNumber());
    }
  }

  /**
   * Mints waiting for their first step to commit hold no thread: twenty of them started from one
   * thread all return at once, complete when their transactions commit, and a mint still waiting
   * when the faucet closes fails as busy.
   */
  @Test
  void waitingMintsHoldNoThread() throws Exception {
    try (TestChain chain = new TestChain(dir.resolve("db"))) {
      List<SignedTransaction> pending = new ArrayList<>();
      Faucet f = faucet(chain, t -> {
        synchronized (pending) {
          pending.add(t);
        }
      }, Duration.ofSeconds(30));
      try (f) {
        int n = 20;
        List<CompletableFuture<Faucet.MintResult>> mints = new ArrayList<>();
        for (int i = 0; i < n; i++) {
          mints.add(f.mintAsync(new MintRequest(200 + i, newKey(30 + i), "XUS", false)));
        }
        for (CompletableFuture<Faucet.MintResult> m : mints) {
          assertFalse(m.isDone(), "a mint waits for its first step to commit");
        }
        assertEquals(n, f.inFlight());
        assertEquals(2 * n, commitPending(chain, pending), "account creation and mint per request");
        // The waits pass once the poll sees the commit; each then submits its payment.
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (pendingSize(pending) < n && System.nanoTime() < deadline) {
          Thread.sleep(10);
        }
        assertEquals(n, commitPending(chain, pending), "one payment per request");
        List<Long> dealerSeqs = new ArrayList<>();
        for (CompletableFuture<Faucet.MintResult> m : mints) {
          dealerSeqs.add(m.get(10, TimeUnit.SECONDS).dealerNextSequenceNumber());
        }
        dealerSeqs.sort(null);
        assertEquals(LongStream.rangeClosed(1, n).boxed().toList(), dealerSeqs);
        for (int i = 0; i < n; i++) {
          assertEquals(200 + i, account(chain, newKey(30 + i).derivedAddress()).balance("XUS"));
        }
        assertEquals(0, f.inFlight());

        CompletableFuture<Faucet.MintResult> left = f.mintAsync(new MintRequest(5, newKey(60), "XUS", false));
        assertFalse(left.isDone());
        f.close();
        ExecutionException e = assertThrows(ExecutionException.class, () -> left.get(5, TimeUnit.SECONDS));
        assertEquals(FaucetException.Kind.UNAVAILABLE, ((FaucetException) e.getCause()).kind());
      }
    }
  }

  /** Past its bound on mints under way, the faucet refuses a request before submitting anything. */
  @Test
  void tooManyMintsUnderWayAreRefusedBeforeAnythingIsSubmitted() throws Exception {
    try (TestChain chain = new TestChain(dir.resolve("db"))) {
      List<SignedTransaction> submitted = new ArrayList<>();
      try (Faucet f = faucet(chain, t -> {
        synchronized (submitted) {
          submitted.add(t);
        }
      }, Duration.ofSeconds(30))) {
        // One account for all: nothing commits, so each request creates it anew and mints.
        MintRequest req = new MintRequest(1, newKey(40), "XUS", false);
        List<CompletableFuture<Faucet.MintResult>> held = new ArrayList<>();
        for (int i = 0; i < Faucet.MAX_IN_FLIGHT; i++) {
          held.add(f.mintAsync(req));
        }
        assertEquals(Faucet.MAX_IN_FLIGHT, f.inFlight());
        int before = pendingSize(submitted);
        CompletableFuture<Faucet.MintResult> refused = f.mintAsync(req);
        ExecutionException e = assertThrows(ExecutionException.class, () -> refused.get(1, TimeUnit.SECONDS));
        assertEquals(FaucetException.Kind.UNAVAILABLE, ((FaucetException) e.getCause()).kind());
        assertEquals(before, pendingSize(submitted), "the refused request submitted nothing");
        for (CompletableFuture<Faucet.MintResult> h : held) {
          assertFalse(h.isDone());
        }
      }
    }
  }

  /** Commits, in one block, what the faucet submitted so far; returns how many transactions. */
  private static int commitPending(TestChain chain, List<SignedTransaction> pending) throws Exception {
    List<SignedTransaction> batch;
    synchronized (pending) {
      batch = new ArrayList<>(pending);
      pending.clear();
    }
    for (TransactionOutput o : chain.block(batch).outputs()) {
      assertFalse(o.status() instanceof TransactionStatus.Discard, o.toString());
    }
    return batch.size();
  }

  private static int pendingSize(List<SignedTransaction> pending) {
    synchronized (pending) {
      return pending.size();
    }
  }

  @Test
  void keysLoadFromTheTestnetFaucetDirectory() throws Exception {
    assertEquals(TestnetGenerator.TREASURY_KEY, FaucetKeys.TREASURY_KEY_FILE);
    assertEquals(TestnetGenerator.DEALER_KEY, FaucetKeys.DEALER_KEY_FILE);
    Ed25519PrivateKey tc = TestChain.key(2);
    Ed25519PrivateKey dd = TestChain.key(3);
    KeyFiles.writePrivateKey(dir.resolve(FaucetKeys.TREASURY_KEY_FILE), tc);
    KeyFiles.writePrivateKey(dir.resolve(FaucetKeys.DEALER_KEY_FILE), dd);
    FaucetKeys keys = FaucetKeys.load(dir);
    assertEquals(tc.publicKey(), keys.treasuryCompliance().publicKey());
    assertEquals(TestChain.address(dd), keys.dealerAddress());
    assertThrows(io.astraea.crypto.keys.KeyFileException.class, () -> FaucetKeys.load(dir.resolve("missing")));
  }
}
