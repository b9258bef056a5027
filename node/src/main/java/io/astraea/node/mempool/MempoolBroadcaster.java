package io.astraea.node.mempool;

import io.astraea.ledger.types.SignedTransaction;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Forwards the transactions this validator's own clients submitted to the other validators, in
 * batches: one {@code MEMPOOL} message carries every transaction admitted in the last few
 * milliseconds (at most {@code maxTransactions}, at most {@code maxBytes} of encoded
 * transactions), instead of one message, one TLS record and one flush per transaction on every
 * link. The batch goes out when it is full, or {@code delayMillis} after its first transaction.
 * Transactions admitted from peers are never forwarded (every validator forwards its own).
 */
public final class MempoolBroadcaster implements AdmissionListener, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(MempoolBroadcaster.class);

  public static final int DEFAULT_MAX_TRANSACTIONS = 200;
  public static final long DEFAULT_DELAY_MILLIS = 10;
  /**
   * Bytes of transactions per message: peer queues are bounded by message count, so a batch is
   * kept about the size of a few large transactions, not of a frame.
   */
  public static final int DEFAULT_MAX_BYTES = 256 * 1024;

  private final Consumer<byte[]> send;
  private final int maxTransactions;
  private final int maxBytes;
  private final long delayMillis;
  private final ScheduledExecutorService timer;

  private final Object lock = new Object();
  // Guarded by lock.
  private List<SignedTransaction> pending = new ArrayList<>();
  private int pendingBytes;
  private boolean flushScheduled;
  private boolean closed;

  /**
   * @param send broadcasts one encoded message ({@link MempoolService#encodeBroadcast}) to the peers
   * @param maxBytes bound on a batch's encoded transactions, below the peers' frame limit
   */
  public MempoolBroadcaster(Consumer<byte[]> send, int maxTransactions, int maxBytes, long delayMillis) {
    if (maxTransactions < 1 || maxBytes < 1 || delayMillis < 0) {
      throw new IllegalArgumentException("bad batch bounds: " + maxTransactions + " txns, " + maxBytes
          + " bytes, " + delayMillis + " ms");
    }
    this.send = send;
    this.maxTransactions = maxTransactions;
    this.maxBytes = maxBytes;
    this.delayMillis = delayMillis;
    this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "mempool-broadcast");
      t.setDaemon(true);
      return t;
    });
  }

  @Override
  public void onAdmitted(SignedTransaction txn, boolean fromPeer) {
    if (fromPeer) {
      return;
    }
    int size = txn.toBcs().length;
    List<List<SignedTransaction>> ready = new ArrayList<>(2);
    synchronized (lock) {
      if (closed) {
        return;
      }
      if (!pending.isEmpty() && pendingBytes + size > maxBytes) {
        ready.add(takePending());
      }
      pending.add(txn);
      pendingBytes += size;
      if (pending.size() >= maxTransactions || pendingBytes >= maxBytes) {
        ready.add(takePending());
      } else if (!flushScheduled) {
        flushScheduled = true;
        timer.schedule(this::flushAfterDelay, delayMillis, TimeUnit.MILLISECONDS);
      }
    }
    // Outside the lock: batches from two verifier threads may leave in either order, which peers
    // accept (a sequence number ahead of its predecessor waits in their mempool).
    ready.forEach(this::sendBatch);
  }

  private void flushAfterDelay() {
    List<SignedTransaction> batch;
    synchronized (lock) {
      flushScheduled = false;
      batch = takePending();
    }
    sendBatch(batch);
  }

  private List<SignedTransaction> takePending() {
    List<SignedTransaction> out = pending;
    pending = new ArrayList<>();
    pendingBytes = 0;
    return out;
  }

  private void sendBatch(List<SignedTransaction> batch) {
    if (batch.isEmpty()) {
      return;
    }
    try {
      send.accept(MempoolService.encodeBroadcast(batch));
    } catch (RuntimeException e) {
      // A transaction no peer received is still proposed by this validator when it leads.
      LOG.warn("mempool broadcast of {} transaction(s) failed: {}", batch.size(), e.toString());
    }
  }

  /** Sends what is pending and stops. */
  @Override
  public void close() {
    List<SignedTransaction> last;
    synchronized (lock) {
      closed = true;
      last = takePending();
    }
    sendBatch(last);
    timer.shutdownNow();
  }
}
