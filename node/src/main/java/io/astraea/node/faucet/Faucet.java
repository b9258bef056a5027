package io.astraea.node.faucet;

import io.astraea.crypto.AccountAddress;
import io.astraea.crypto.Ed25519PrivateKey;
import io.astraea.ledger.state.AccountState;
import io.astraea.ledger.state.StateKeys;
import io.astraea.ledger.state.SystemState;
import io.astraea.ledger.storage.StorageException;
import io.astraea.ledger.types.Bytes;
import io.astraea.ledger.types.ChainId;
import io.astraea.ledger.types.RawTransaction;
import io.astraea.ledger.types.SignedTransaction;
import io.astraea.ledger.types.StatusCode;
import io.astraea.ledger.types.TransactionPayload;
import io.astraea.node.api.methods.LedgerReader;
import io.astraea.node.api.methods.ScriptPayloads;
import io.astraea.node.api.methods.TransactionSubmitter;
import io.astraea.node.mempool.MempoolRejection;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The testnet faucet (Diem's {@code POST /mint}): creates the account if it does not exist and
 * pays it {@code amount}, with money minted for the purpose.
 *
 * <p>Per request: treasury compliance sends {@code create_parent_vasp_account} (only for a new
 * account) and {@code tiered_mint} of the amount to the designated dealer; once both are committed
 * the dealer sends {@code peer_to_peer_with_metadata} to the account. Waiting for the first step
 * keeps the payment from racing the account creation or the mint when they land in one block.
 * The answer is the dealer's next sequence number, as Diem's faucet gives; a client waits for the
 * dealer's transaction {@code answer - 1} or for the balance.
 *
 * <p>Concurrent requests are safe: each signer's sequence number is reserved and its transaction
 * submitted under that signer's lock, so submissions reach the mempool in sequence order; a
 * refused transaction gives its number back, and a commit timeout resynchronises with the ledger.
 * The transactions of a timed-out request may still be waiting in the mempool then; a number one
 * of them holds is refused as taken ({@code INVALID_UPDATE}), and the faucet moves on to the next.
 *
 * <p>No thread waits for a commit: {@link #mintAsync} submits the first step on the caller's
 * thread and returns; {@link CommitWaiters} polls the ledger on one thread of its own and sends the
 * payment of each request whose first step committed. At most {@link #MAX_IN_FLIGHT} requests are
 * under way at once; one more is refused as busy (HTTP 503) before it submits anything.
 */
public final class Faucet implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Faucet.class);
  private static final long MAX_GAS = 1_000_000;
  private static final Duration POLL = Duration.ofMillis(20);
  /**
   * How many numbers held by the signer's own waiting transactions one submission steps over; the
   * mempool holds at most {@code mempool.capacity_per_account} of them (100 by default), and one
   * more is refused as too many, which ends the search anyway.
   */
  private static final int MAX_TAKEN_SKIPS = 1_000;
  /** Requests under way (submitted, not yet paid or failed), at most. */
  public static final int MAX_IN_FLIGHT = 256;

  private final FaucetKeys keys;
  private final LedgerReader ledger;
  private final TransactionSubmitter submitter;
  private final Clock clock;
  private final Duration commitTimeout;
  private final Duration transactionTtl;
  private final Object treasuryLock = new Object();
  private final Object dealerLock = new Object();
  private final SequenceTracker treasurySeq = new SequenceTracker();
  private final SequenceTracker dealerSeq = new SequenceTracker();
  private final CommitWaiters treasuryCommits;
  private final Semaphore inFlight = new Semaphore(MAX_IN_FLIGHT);

  /**
   * @param commitTimeout how long a request waits for its account creation and mint to commit
   * @param transactionTtl how far in the future the faucet's transactions expire
   */
  public Faucet(
      FaucetKeys keys, LedgerReader ledger, TransactionSubmitter submitter, Clock clock,
      Duration commitTimeout, Duration transactionTtl) {
    this.keys = keys;
    this.ledger = ledger;
    this.submitter = submitter;
    this.clock = clock;
    this.commitTimeout = commitTimeout;
    this.transactionTtl = transactionTtl;
    this.treasuryCommits = new CommitWaiters(() -> committedSequence(StateKeys.TREASURY_COMPLIANCE), POLL,
        committed -> {
          synchronized (treasuryLock) {
            treasurySeq.resync(committed);
          }
        });
  }

  /** A faucet with a 30 s commit timeout and transactions that expire after 10 minutes. */
  public Faucet(FaucetKeys keys, LedgerReader ledger, TransactionSubmitter submitter) {
    this(keys, ledger, submitter, Clock.systemUTC(), Duration.ofSeconds(30), Duration.ofMinutes(10));
  }

  /** What a mint did: the dealer's next sequence number and every transaction it submitted. */
  public record MintResult(long dealerNextSequenceNumber, List<SignedTransaction> transactions) {
    public MintResult {
      transactions = List.copyOf(transactions);
    }
  }

  /**
   * Mints, waiting for the result: for callers that have a thread to spare (tests, tools). The
   * HTTP route uses {@link #mintAsync}.
   */
  public MintResult mint(MintRequest req) throws FaucetException, InterruptedException {
    try {
      return mintAsync(req).get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof FaucetException f) {
        throw f;
      }
      throw new IllegalStateException("faucet mint failed", e.getCause());
    }
  }

  /**
   * Creates the account if needed, mints and pays: submits the first step on the calling thread
   * and returns at once. Completes with the result, or exceptionally with a {@link
   * FaucetException} (a bad request, a refusal, a timeout or a busy faucet).
   */
  public CompletableFuture<MintResult> mintAsync(MintRequest req) {
    if (!inFlight.tryAcquire()) {
      return CompletableFuture.failedFuture(new FaucetException(FaucetException.Kind.UNAVAILABLE,
          "the faucet has " + MAX_IN_FLIGHT + " mints under way; retry later"));
    }
    CompletableFuture<MintResult> result;
    try {
      Submitted first = submitTreasuryStep(req);
      result = treasuryCommits.awaitAbove(first.lastTreasurySeq(), commitTimeout).thenApply(v -> {
        try {
          return pay(req, first);
        } catch (FaucetException e) {
          throw new CompletionException(e);
        }
      });
    } catch (FaucetException | RuntimeException e) {
      inFlight.release();
      return CompletableFuture.failedFuture(e);
    }
    return result.whenComplete((r, e) -> inFlight.release());
  }

  /** The first step's transactions, the last treasury sequence number among them, and the chain. */
  private record Submitted(List<SignedTransaction> sent, long lastTreasurySeq, ChainId chain) {}

  /** Checks the request and submits the account creation (if needed) and the mint to the dealer. */
  private Submitted submitTreasuryStep(MintRequest req) throws FaucetException {
    SystemState system = read(() -> ledger.system(latest()));
    String currency = req.currencyCode();
    if (system.currency(currency).isEmpty()) {
      throw new FaucetException(FaucetException.Kind.BAD_REQUEST,
          "unknown currency " + currency + "; registered: " + String.join(", ", system.currencies().keySet()));
    }
    ChainId chain = system.chainId();
    AccountAddress address = req.authKey().derivedAddress();
    if (StateKeys.isReserved(address) || address.equals(keys.dealerAddress())) {
      throw new FaucetException(FaucetException.Kind.BAD_REQUEST, "auth_key derives a reserved address " + address);
    }
    Optional<AccountState> existing = read(() -> ledger.latestAccount(address));
    if (existing.isPresent() && !existing.get().holds(currency)) {
      throw new FaucetException(FaucetException.Kind.BAD_REQUEST,
          "account " + address + " does not hold " + currency);
    }

    List<TransactionPayload> treasuryPayloads = new ArrayList<>();
    if (existing.isEmpty()) {
      treasuryPayloads.add(ScriptPayloads.createParentVasp(
          currency, 0, address, req.authKey().prefix(), "faucet account", true));
    }
    treasuryPayloads.add(ScriptPayloads.tieredMint(currency, 0, keys.dealerAddress(), req.amount(), 0));
    List<SignedTransaction> sent = new ArrayList<>();
    long lastTreasurySeq = -1;
    synchronized (treasuryLock) {
      for (TransactionPayload p : treasuryPayloads) {
        SignedTransaction t = submit(StateKeys.TREASURY_COMPLIANCE, keys.treasuryCompliance(), treasurySeq, p, chain,
            currency);
        sent.add(t);
        lastTreasurySeq = t.sequenceNumber();
      }
    }
    return new Submitted(sent, lastTreasurySeq, chain);
  }

  /** Once the first step committed: the dealer pays the account. */
  private MintResult pay(MintRequest req, Submitted first) throws FaucetException {
    String currency = req.currencyCode();
    AccountAddress address = req.authKey().derivedAddress();
    if (read(() -> ledger.latestAccount(address)).isEmpty()) {
      throw new FaucetException(FaucetException.Kind.REJECTED, "account " + address + " was not created");
    }
    SignedTransaction payment;
    synchronized (dealerLock) {
      payment = submit(keys.dealerAddress(), keys.dealer(), dealerSeq,
          ScriptPayloads.peerToPeer(currency, address, req.amount(), Bytes.EMPTY, Bytes.EMPTY), first.chain(),
          currency);
    }
    List<SignedTransaction> sent = new ArrayList<>(first.sent());
    sent.add(payment);
    LOG.info("faucet: {} {} to {} (dealer sequence number {})", req.amount(), currency, address,
        payment.sequenceNumber());
    return new MintResult(payment.sequenceNumber() + 1, sent);
  }

  /** Requests under way: submitted, not yet paid or failed. */
  public int inFlight() {
    return MAX_IN_FLIGHT - inFlight.availablePermits();
  }

  /** Stops waiting: requests still waiting fail as busy (HTTP 503). */
  @Override
  public void close() {
    treasuryCommits.close();
  }

  /** Reserves a sequence number, signs and submits; call with the signer's lock held. */
  private SignedTransaction submit(
      AccountAddress sender, Ed25519PrivateKey key, SequenceTracker seqs, TransactionPayload payload, ChainId chain,
      String gasCurrency) throws FaucetException {
    for (int attempt = 0; ; attempt++) {
      long committed = committedSequence(sender);
      long seq = seqs.reserve(committed);
      SignedTransaction txn = RawTransaction.builder()
          .sender(sender)
          .sequenceNumber(seq)
          .payload(payload)
          .maxGasAmount(MAX_GAS)
          .gasUnitPrice(0)
          .gasCurrencyCode(gasCurrency)
          .expirationTimestampSecs(clock.instant().plus(transactionTtl).getEpochSecond())
          .chainId(chain)
          .build()
          .sign(key);
      try {
        submitter.submit(txn);
        return txn;
      } catch (MempoolRejection r) {
        if (r.reason() == MempoolRejection.Reason.INVALID_UPDATE && attempt < MAX_TAKEN_SKIPS) {
          continue; // an earlier transaction of this signer waits at seq: keep it reserved, try the next
        }
        seqs.release(seq);
        boolean stale = r.reason() == MempoolRejection.Reason.INVALID_SEQ_NUMBER
            || r.status().filter(s -> s == StatusCode.SEQUENCE_NUMBER_TOO_OLD).isPresent();
        if (stale && attempt == 0) {
          seqs.resync(committedSequence(sender));
          continue;
        }
        FaucetException.Kind kind = switch (r.reason()) {
          case MEMPOOL_FULL, TOO_MANY_TRANSACTIONS -> FaucetException.Kind.UNAVAILABLE;
          default -> FaucetException.Kind.REJECTED;
        };
        throw new FaucetException(kind, "the node refused the faucet's transaction from " + sender + ": "
            + r.reason() + " " + r.getMessage(), r);
      }
    }
  }

  private long committedSequence(AccountAddress a) throws FaucetException {
    return read(() -> ledger.latestAccount(a)).map(AccountState::sequenceNumber).orElse(0L);
  }

  private long latest() throws StorageException {
    long v = ledger.latestVersion();
    if (v < 0) {
      throw new StorageException(StorageException.Kind.NOT_FOUND, "the ledger has no committed version yet");
    }
    return v;
  }

  @FunctionalInterface
  private interface Read<T> {
    T get() throws StorageException;
  }

  private static <T> T read(Read<T> r) throws FaucetException {
    try {
      return r.get();
    } catch (StorageException e) {
      throw new FaucetException(FaucetException.Kind.UNAVAILABLE, "cannot read the ledger: " + e.getMessage(), e);
    }
  }
}
