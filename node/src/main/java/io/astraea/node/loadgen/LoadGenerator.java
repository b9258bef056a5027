package io.astraea.node.loadgen;

import com.fasterxml.jackson.databind.JsonNode;
import io.astraea.crypto.Ed25519PrivateKey;
import io.astraea.ledger.types.Bytes;
import io.astraea.ledger.types.ChainId;
import io.astraea.ledger.types.RawTransaction;
import io.astraea.ledger.types.SignedTransaction;
import io.astraea.node.api.methods.ScriptPayloads;
import io.astraea.node.client.JsonRpcClient;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Drives a network with peer-to-peer transfers and measures it, end to end through JSON-RPC:
 *
 * <ol>
 *   <li>creates and funds {@link LoadPlan#accounts()} fresh accounts through the faucet;
 *   <li>submits {@link LoadPlan#transactions()} transfers (account i pays account i+1),
 *       round-robin over the endpoints, pipelining up to {@link LoadPlan#window()} consecutive
 *       sequence numbers per account, optionally paced to {@link LoadPlan#ratePerSec()};
 *   <li>watches the committed ledger ({@code get_transactions} from the version the run started
 *       at) and records, per transfer, the time from its submission to the moment it was seen
 *       committed, and whether it executed.
 * </ol>
 *
 * <p>A submission that fails is retried with the same signed bytes (an answer of "already in the
 * mempool" or "sequence number too old" on a retry means an earlier attempt got through). A
 * transfer that cannot be submitted or does not commit within the commit timeout is lost, and so
 * are its account's later transfers; that account then sends nothing more.
 */
public final class LoadGenerator {
  private static final Duration RPC_TIMEOUT = Duration.ofSeconds(20);
  private static final Duration FUNDING_TIMEOUT = Duration.ofSeconds(120);
  private static final Duration POLL = Duration.ofMillis(20);
  private static final int MAX_SUBMIT_ATTEMPTS = 5;
  private static final int PAGE = 1000;
  private static final long MAX_GAS = 1_000_000;
  private static final int VM_VALIDATION = -32001;
  private static final int INVALID_SEQ_NUMBER = -32007;
  private static final int INVALID_UPDATE = -32010;

  private final LoadPlan plan;
  private final Consumer<String> progress;
  private final List<JsonRpcClient> clients = new ArrayList<>();
  private final AtomicLong roundRobin = new AtomicLong();
  private final LoadStats stats = new LoadStats();

  /** @param progress receives one line per phase (for a console), never the report itself */
  public LoadGenerator(LoadPlan plan, Consumer<String> progress) {
    this.plan = plan;
    this.progress = progress;
    plan.endpoints().forEach(u -> clients.add(new JsonRpcClient(u, RPC_TIMEOUT)));
  }

  /** Runs the whole plan and reports on it. */
  public LoadReport run() throws LoadgenException, InterruptedException {
    int chainId = (int) rpc("get_metadata", () -> clients.get(0).callRaw("get_metadata")).path("diem_chain_id").asLong();
    long t0 = System.nanoTime();
    List<LoadAccount> accounts = createAccounts();
    progress.accept(String.format("created and funded %d accounts in %.1f s", accounts.size(),
        (System.nanoTime() - t0) / 1e9));
    long fromVersion = rpc("get_metadata", () -> clients.get(0).call("get_metadata")).path("version").asLong() + 1;
    progress.accept(String.format("submitting %d transfers over %d endpoint(s), window %d per account%s",
        plan.transactions(), clients.size(), plan.window(),
        plan.ratePerSec() > 0 ? String.format(", at most %.0f/s", plan.ratePerSec()) : ""));
    runLoad(accounts, new ChainId(chainId), fromVersion);
    return stats.report(plan.accounts(), clients.size());
  }

  // ---- phase 1: accounts ----

  private List<LoadAccount> createAccounts() throws LoadgenException, InterruptedException {
    FaucetClient faucet = new FaucetClient(plan.faucet(), RPC_TIMEOUT.multipliedBy(3));
    long funding = plan.fundingPerAccount();
    List<LoadAccount> accounts = new ArrayList<>();
    for (int i = 0; i < plan.accounts(); i++) {
      accounts.add(new LoadAccount(Ed25519PrivateKey.generate()));
    }
    ExecutorService pool = Executors.newFixedThreadPool(Math.min(8, accounts.size()));
    try {
      List<Future<Void>> minted = new ArrayList<>();
      for (LoadAccount a : accounts) {
        minted.add(pool.submit(() -> {
          mintWithRetries(faucet, a, funding);
          return null;
        }));
      }
      for (Future<Void> f : minted) {
        f.get();
      }
    } catch (ExecutionException e) {
      throw new LoadgenException("could not fund the accounts: " + describe(e.getCause()), e.getCause());
    } finally {
      pool.shutdownNow();
    }
    long deadline = System.nanoTime() + FUNDING_TIMEOUT.toNanos();
    for (LoadAccount a : accounts) {
      while (true) {
        JsonNode view = rpc("get_account", () -> nextClient().call("get_account", a.address().toHex()));
        if (view != null && !view.isNull() && balance(view) >= funding) {
          a.startAt(view.path("sequence_number").asLong(), plan.window());
          break;
        }
        if (System.nanoTime() - deadline > 0) {
          throw new LoadgenException("account " + a.address().toHex() + " was not funded within "
              + FUNDING_TIMEOUT.toSeconds() + " s");
        }
        Thread.sleep(POLL.toMillis() * 5);
      }
    }
    return accounts;
  }

  private static void mintWithRetries(FaucetClient faucet, LoadAccount a, long funding)
      throws IOException, InterruptedException {
    for (int attempt = 1; ; attempt++) {
      try {
        faucet.mint(a.authKey(), funding, LoadPlan.CURRENCY);
        return;
      } catch (IOException e) {
        if (attempt >= 3) {
          throw e;
        }
        Thread.sleep(500L * attempt);
      }
    }
  }

  private static long balance(JsonNode account) {
    for (JsonNode b : account.path("balances")) {
      if (b.path("currency").asText().equals(LoadPlan.CURRENCY)) {
        return b.path("amount").asLong();
      }
    }
    return 0;
  }

  // ---- phase 2: submit and watch ----

  private void runLoad(List<LoadAccount> accounts, ChainId chainId, long fromVersion) throws InterruptedException {
    Map<String, LoadAccount> bySender = new HashMap<>();
    accounts.forEach(a -> bySender.put(a.address().toHex(), a));
    long start = System.nanoTime();
    SlotScheduler scheduler = new SlotScheduler(accounts, plan.transactions(), start + plan.duration().toNanos());
    int threads = Math.min(plan.submitters(), plan.transactions());
    ExecutorService submitters = Executors.newFixedThreadPool(threads);
    List<Future<Void>> loops = new ArrayList<>();
    for (int i = 0; i < threads; i++) {
      loops.add(submitters.submit(() -> {
        submitLoop(scheduler, accounts, chainId, start);
        return null;
      }));
    }
    submitters.shutdown();
    try {
      watch(bySender, accounts, scheduler, submitters, fromVersion);
    } finally {
      scheduler.close();
      submitters.shutdownNow();
      submitters.awaitTermination(RPC_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    }
    for (Future<Void> f : loops) {
      if (f.isDone() && !f.isCancelled()) {
        try {
          f.get();
        } catch (ExecutionException e) {
          // A submitter that died stopped sending; the report must say so rather than hide it.
          stats.failed("internal:" + e.getCause().getClass().getSimpleName(), 1);
        }
      }
    }
  }

  private void submitLoop(SlotScheduler scheduler, List<LoadAccount> accounts, ChainId chainId, long start)
      throws InterruptedException {
    SlotScheduler.Slot slot;
    while ((slot = scheduler.next()) != null) {
      if (plan.ratePerSec() > 0) {
        long due = start + (long) (slot.ordinal() * 1e9 / plan.ratePerSec());
        long wait = due - System.nanoTime();
        if (wait > 0) {
          TimeUnit.NANOSECONDS.sleep(wait);
        }
      }
      LoadAccount from = accounts.get(slot.accountIndex());
      LoadAccount to = accounts.get((slot.accountIndex() + 1) % accounts.size());
      SignedTransaction txn = RawTransaction.builder()
          .sender(from.address())
          .sequenceNumber(slot.sequenceNumber())
          .payload(ScriptPayloads.peerToPeer(LoadPlan.CURRENCY, to.address(), LoadPlan.TRANSFER_AMOUNT, Bytes.EMPTY, Bytes.EMPTY))
          .maxGasAmount(MAX_GAS)
          .gasUnitPrice(0)
          .gasCurrencyCode(LoadPlan.CURRENCY)
          .expirationTimestampSecs(Instant.now().plus(plan.commitTimeout()).plusSeconds(600).getEpochSecond())
          .chainId(chainId)
          .build()
          .sign(from.key());
      String hex = HexFormat.of().formatHex(txn.toBcs());
      long now = System.nanoTime();
      from.submitting(slot.sequenceNumber(), now);
      stats.submitted(now);
      if (!submit(hex)) {
        from.sequencer().stall();
        stats.failed("lost:abandoned", from.abandonFrom(slot.sequenceNumber()));
        scheduler.wake();
      }
    }
  }

  /** Submits with retries; false if the transfer could not be submitted. */
  private boolean submit(String hex) throws InterruptedException {
    for (int attempt = 1; ; attempt++) {
      try {
        nextClient().call("submit", hex);
        return true;
      } catch (JsonRpcClient.RpcError e) {
        if (attempt > 1 && (e.code() == INVALID_UPDATE || e.code() == INVALID_SEQ_NUMBER)) {
          return true;
        }
        stats.failed(Integer.toString(e.code()), 1);
        if (e.code() == VM_VALIDATION || attempt >= MAX_SUBMIT_ATTEMPTS) {
          return false;
        }
      } catch (IOException e) {
        stats.failed("io", 1);
        if (attempt >= MAX_SUBMIT_ATTEMPTS) {
          return false;
        }
      }
      Thread.sleep(100L * attempt);
    }
  }

  /** Follows the committed ledger until every submitted transfer is accounted for. */
  private void watch(Map<String, LoadAccount> bySender, List<LoadAccount> accounts, SlotScheduler scheduler,
      ExecutorService submitters, long fromVersion) throws InterruptedException {
    long version = fromVersion;
    long drainDeadline = Long.MAX_VALUE;
    JsonRpcClient ledger = clients.get(0);
    while (true) {
      long now = System.nanoTime();
      if (submitters.isTerminated()) {
        if (outstanding(accounts) == 0) {
          return;
        }
        if (drainDeadline == Long.MAX_VALUE) {
          drainDeadline = now + plan.commitTimeout().toNanos();
        } else if (now - drainDeadline > 0) {
          accounts.forEach(a -> stats.failed("lost:timeout", a.abandonAll()));
          return;
        }
      }
      JsonNode page;
      try {
        page = ledger.call("get_transactions", version, PAGE, false);
      } catch (IOException e) {
        Thread.sleep(POLL.toMillis() * 5);
        continue;
      }
      long seen = System.nanoTime();
      for (JsonNode t : page) {
        version = t.path("version").asLong() + 1;
        JsonNode d = t.path("transaction");
        LoadAccount a = bySender.get(d.path("sender").asText());
        if (a == null || !d.path("type").asText().equals("user")) {
          continue;
        }
        long seq = d.path("sequence_number").asLong();
        Long submittedAt = a.committed(seq);
        a.sequencer().observeCommitted(seq + 1);
        if (submittedAt != null) {
          String vm = t.path("vm_status").path("type").asText();
          boolean executed = vm.equals("executed");
          stats.committed(submittedAt, seen, executed);
          if (!executed) {
            stats.failed("vm:" + vm, 1);
          }
        }
      }
      if (!page.isEmpty()) {
        scheduler.wake();
      }
      expire(accounts, seen, scheduler);
      if (page.size() < PAGE) {
        Thread.sleep(POLL.toMillis());
      }
    }
  }

  private void expire(List<LoadAccount> accounts, long now, SlotScheduler scheduler) {
    long limit = plan.commitTimeout().toNanos();
    for (LoadAccount a : accounts) {
      Map.Entry<Long, Long> oldest = a.oldest();
      if (oldest != null && now - oldest.getValue() > limit) {
        a.sequencer().stall();
        stats.failed("lost:timeout", a.abandonAll());
        scheduler.wake();
      }
    }
  }

  private static long outstanding(List<LoadAccount> accounts) {
    long n = 0;
    for (LoadAccount a : accounts) {
      n += a.outstanding();
    }
    return n;
  }

  private JsonRpcClient nextClient() {
    return clients.get((int) Math.floorMod(roundRobin.getAndIncrement(), (long) clients.size()));
  }

  private interface Call {
    JsonNode call() throws IOException, InterruptedException;
  }

  private static JsonNode rpc(String what, Call c) throws LoadgenException, InterruptedException {
    IOException last = null;
    for (int attempt = 1; attempt <= 3; attempt++) {
      try {
        return Optional.ofNullable(c.call()).orElse(com.fasterxml.jackson.databind.node.NullNode.getInstance());
      } catch (IOException e) {
        last = e;
        Thread.sleep(200L * attempt);
      }
    }
    throw new LoadgenException(what + " failed: " + describe(last), last);
  }

  private static String describe(Throwable t) {
    return t.getMessage() != null ? t.getMessage() : t.getClass().getSimpleName();
  }
}
