package io.astraea.node.faucet;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Waits, without holding a thread per wait, until an account's committed sequence number passes
 * given numbers: one thread polls the ledger while anything waits, and completes every wait the
 * ledger has passed, or that ran out of time. The faucet's requests wait here for their mints.
 *
 * <p>Why a poll rather than a commit listener: the faucet reads the ledger through the same
 * interface as the JSON-RPC methods and is told nothing by consensus or state sync; a 20 ms poll
 * of one account is cheap, and it runs only while a request waits.
 */
final class CommitWaiters implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(CommitWaiters.class);

  /** Reads the committed sequence number of the account waited on. */
  @FunctionalInterface
  interface SequenceSource {
    long committed() throws FaucetException;
  }

  private record Wait(long sequence, long deadlineNanos, Duration timeout, CompletableFuture<Void> done) {}

  private final SequenceSource source;
  private final Duration poll;
  private final LongConsumer onTimeout;
  private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "faucet-commits");
    t.setDaemon(true);
    return t;
  });
  /** Guarded by {@code this}. */
  private final List<Wait> waiting = new ArrayList<>();
  /** Guarded by {@code this}; the poll, scheduled while anything waits. */
  private ScheduledFuture<?> polling;
  private boolean closed;

  /** @param onTimeout told, on the polling thread, the committed sequence number when a wait times out */
  CommitWaiters(SequenceSource source, Duration poll, LongConsumer onTimeout) {
    this.source = source;
    this.poll = poll;
    this.onTimeout = onTimeout;
  }

  /**
   * Completes once the committed sequence number is above {@code sequence}, or exceptionally with
   * an {@link FaucetException.Kind#UNAVAILABLE} {@link FaucetException} after {@code timeout} or on
   * close. Later stages run on the polling thread.
   */
  synchronized CompletableFuture<Void> awaitAbove(long sequence, Duration timeout) {
    CompletableFuture<Void> done = new CompletableFuture<>();
    if (closed) {
      done.completeExceptionally(new FaucetException(FaucetException.Kind.UNAVAILABLE, "the faucet is shutting down"));
      return done;
    }
    waiting.add(new Wait(sequence, System.nanoTime() + timeout.toNanos(), timeout, done));
    if (polling == null) {
      polling = thread.scheduleWithFixedDelay(this::check, 0, poll.toMillis(), TimeUnit.MILLISECONDS);
    }
    return done;
  }

  /** Waits held now. */
  synchronized int waiting() {
    return waiting.size();
  }

  /** One poll: completes the waits the ledger passed or that timed out; stops when none is left. */
  private void check() {
    long committed;
    try {
      committed = source.committed();
    } catch (FaucetException | RuntimeException e) {
      LOG.warn("faucet: cannot read the ledger for waiting mints: {}", e.toString());
      committed = -1; // no wait completes; each still times out
    }
    List<Wait> passed = new ArrayList<>();
    List<Wait> expired = new ArrayList<>();
    synchronized (this) {
      long now = System.nanoTime();
      for (Iterator<Wait> it = waiting.iterator(); it.hasNext(); ) {
        Wait w = it.next();
        if (committed > w.sequence()) {
          passed.add(w);
          it.remove();
        } else if (now - w.deadlineNanos() > 0) {
          expired.add(w);
          it.remove();
        }
      }
      if (waiting.isEmpty() && polling != null) {
        polling.cancel(false);
        polling = null;
      }
    }
    // Completed outside the lock: the stages that follow submit transactions and may wait again.
    if (!expired.isEmpty() && committed >= 0) {
      onTimeout.accept(committed);
    }
    for (Wait w : expired) {
      w.done().completeExceptionally(new FaucetException(FaucetException.Kind.UNAVAILABLE,
          "the faucet's mint was not committed within " + w.timeout().toMillis() + " ms; retry later"));
    }
    for (Wait w : passed) {
      w.done().complete(null);
    }
  }

  /** Stops polling; every wait still held fails as {@link FaucetException.Kind#UNAVAILABLE}. */
  @Override
  public void close() {
    List<Wait> left;
    synchronized (this) {
      closed = true;
      left = new ArrayList<>(waiting);
      waiting.clear();
    }
    thread.shutdownNow();
    for (Wait w : left) {
      w.done().completeExceptionally(new FaucetException(FaucetException.Kind.UNAVAILABLE, "the faucet is shutting down"));
    }
  }
}
