package io.astraea.node.mempool;

import io.astraea.crypto.HashValue;
import io.astraea.crypto.bcs.BcsException;
import io.astraea.ledger.execution.ExecutorConfig;
import io.astraea.ledger.types.SignedTransaction;
import io.astraea.ledger.types.StatusCode;
import io.astraea.node.ledger.CommitListener;
import io.astraea.node.ledger.CommittedTransactions;
import io.astraea.node.ledger.LedgerService;
import io.astraea.node.ledger.PayloadCodec;
import io.astraea.node.ledger.VerifiedSignatures;
import io.astraea.consensus.types.Payload;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Admission into the {@link Mempool}: size check, signature verification, validation against the
 * latest committed state ({@link TransactionValidator}) and insertion, all on a small fixed pool
 * of verifier threads, so callers (API handlers, peer links) never verify on their own thread and
 * signatures of different transactions are checked in parallel. Each verified signature is
 * recorded in {@link VerifiedSignatures} so block execution does not check it again; a
 * transaction already in the pool is not verified twice.
 *
 * <p>It also keeps the pool current: it listens to commits (dropping committed and discarded
 * transactions) and expires transactions periodically once {@link #start} is called.
 */
public final class MempoolService implements CommitListener, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(MempoolService.class);
  /** Diem's limit on a submitted transaction's size. */
  public static final int DEFAULT_MAX_TRANSACTION_BYTES = 64 * 1024;

  private final Mempool mempool;
  private final LedgerService ledger;
  private final VerifiedSignatures verified;
  private final TransactionValidator validator;
  private final LongSupplier clockMillis;
  private final int maxTransactionBytes;
  private final ExecutorService verifiers;
  private final ScheduledExecutorService expiry;
  private final List<AdmissionListener> listeners = new CopyOnWriteArrayList<>();

  /**
   * @param verifierThreads size of the verification pool (2 on a small machine)
   * @param clockMillis wall clock, for the mempool's system TTL
   */
  public MempoolService(Mempool mempool, LedgerService ledger, VerifiedSignatures verified,
      ExecutorConfig config, int verifierThreads, LongSupplier clockMillis, int maxTransactionBytes) {
    this.mempool = mempool;
    this.ledger = ledger;
    this.verified = verified;
    this.validator = new TransactionValidator(config);
    this.clockMillis = clockMillis;
    this.maxTransactionBytes = maxTransactionBytes;
    this.verifiers = Executors.newFixedThreadPool(verifierThreads, named("mempool-verifier"));
    this.expiry = Executors.newSingleThreadScheduledExecutor(named("mempool-expiry"));
  }

  private static ThreadFactory named(String prefix) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }

  public Mempool mempool() {
    return mempool;
  }

  public void addListener(AdmissionListener l) {
    listeners.add(l);
  }

  /** Starts periodic expiry of transactions past their expiration or the system TTL. */
  public void start(Duration expiryInterval) {
    long ms = expiryInterval.toMillis();
    expiry.scheduleWithFixedDelay(this::removeExpired, ms, ms, TimeUnit.MILLISECONDS);
  }

  /** Drops expired transactions now; returns how many. */
  public int removeExpired() {
    int n = mempool.removeExpired(clockMillis.getAsLong());
    if (n > 0) {
      LOG.debug("expired {} mempool transaction(s)", n);
    }
    return n;
  }

  public int size() {
    return mempool.size();
  }

  /**
   * Admits a client's transaction, waiting for the verifier pool's verdict (this thread does no
   * verification itself). Matches the API's {@code TransactionSubmitter}.
   */
  public void submit(SignedTransaction txn) throws MempoolRejection {
    try {
      submitAsync(txn, false).get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw MempoolRejection.validation(StatusCode.UNKNOWN_VALIDATION_STATUS);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof MempoolRejection r) {
        throw r;
      }
      LOG.warn("admission failed unexpectedly: {}", e.getCause().toString());
      throw MempoolRejection.validation(StatusCode.UNKNOWN_VALIDATION_STATUS);
    }
  }

  /**
   * Queues {@code txn} for admission; the future completes with its hash once admitted (or if it
   * was already in the pool), or fails with a {@link MempoolRejection}.
   */
  public CompletableFuture<HashValue> submitAsync(SignedTransaction txn, boolean fromPeer) {
    CompletableFuture<HashValue> result = new CompletableFuture<>();
    try {
      verifiers.execute(() -> {
        try {
          result.complete(admit(txn, fromPeer));
        } catch (MempoolRejection r) {
          result.completeExceptionally(r);
        } catch (RuntimeException e) {
          result.completeExceptionally(e);
        }
      });
    } catch (java.util.concurrent.RejectedExecutionException e) {
      result.completeExceptionally(MempoolRejection.validation(StatusCode.UNKNOWN_VALIDATION_STATUS));
    }
    return result;
  }

  /**
   * A peer's broadcast: the BCS of a sequence of signed transactions (see {@link
   * #encodeBroadcast}). Each is admitted asynchronously and not broadcast again; refusals are only
   * logged. Returns how many transactions the message carried.
   *
   * @throws BcsException if the message does not decode (the peer misbehaves)
   */
  public int submitFromPeer(byte[] message) throws BcsException {
    List<SignedTransaction> txns = PayloadCodec.decode(Payload.of(message));
    for (SignedTransaction t : txns) {
      submitAsync(t, true).exceptionally(e -> {
        LOG.debug("peer transaction refused: {}", e.getMessage());
        return null;
      });
    }
    return txns.size();
  }

  /** The broadcast message for {@code txns}: BCS {@code Vec<SignedTransaction>}. */
  public static byte[] encodeBroadcast(List<SignedTransaction> txns) {
    return PayloadCodec.encode(txns).toBytes();
  }

  private HashValue admit(SignedTransaction txn, boolean fromPeer) throws MempoolRejection {
    byte[] bcs = txn.toBcs();
    if (bcs.length > maxTransactionBytes) {
      throw MempoolRejection.validation(StatusCode.EXCEEDED_MAX_TRANSACTION_SIZE);
    }
    HashValue hash = txn.hash();
    if (mempool.contains(hash)) {
      return hash;
    }
    if (!verified.isVerified(hash)) {
      if (!txn.checkSignature().isValid()) {
        throw MempoolRejection.validation(StatusCode.INVALID_SIGNATURE);
      }
      verified.markVerified(hash);
    }
    long accountSeq = validator.validate(txn, ledger.committedView());
    mempool.insert(txn, hash, bcs.length, accountSeq, clockMillis.getAsLong());
    for (AdmissionListener l : listeners) {
      l.onAdmitted(txn, fromPeer);
    }
    return hash;
  }

  @Override
  public void onCommit(CommittedTransactions c) {
    for (Map.Entry<io.astraea.crypto.AccountAddress, Long> e : c.nextSequenceNumbers().entrySet()) {
      mempool.commit(e.getKey(), e.getValue());
    }
    c.discarded().forEach(mempool::remove);
  }

  @Override
  public void close() {
    expiry.shutdownNow();
    verifiers.shutdownNow();
  }
}
