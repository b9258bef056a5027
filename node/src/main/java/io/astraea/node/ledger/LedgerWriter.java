package io.astraea.node.ledger;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Runs ledger writes (block commits, recovery records) on one thread of its own, strictly in the
 * order they were submitted, so the consensus thread can execute the next block while the last
 * one is written.
 *
 * <p>Once a write fails, every later write fails too without running
 * ({@link EarlierWriteFailedException}): nothing may be written on top of a ledger whose last
 * write is missing, and a recovery record must never point past what the ledger holds.
 */
final class LedgerWriter implements AutoCloseable {
  /** One write; may throw anything, which fails its future. */
  interface Write<T> {
    T run() throws Exception;
  }

  /** A write that did not run because one submitted before it failed. */
  static final class EarlierWriteFailedException extends Exception {
    EarlierWriteFailedException(Throwable cause) {
      super("an earlier ledger write failed: " + cause.getMessage(), cause);
    }
  }

  private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "ledger-writer");
    t.setDaemon(true);
    return t;
  });
  /** Touched only on the writer thread. */
  private Throwable failure;
  private volatile CompletableFuture<?> last = CompletableFuture.completedFuture(null);

  /** Queues {@code write} after every write submitted before it. */
  synchronized <T> CompletableFuture<T> submit(Write<T> write) {
    CompletableFuture<T> f = new CompletableFuture<>();
    try {
      thread.execute(() -> run(write, f));
    } catch (RejectedExecutionException e) {
      f.completeExceptionally(new IllegalStateException("the ledger writer is closed"));
    }
    last = f;
    return f;
  }

  private <T> void run(Write<T> write, CompletableFuture<T> f) {
    if (failure != null) {
      f.completeExceptionally(new EarlierWriteFailedException(failure));
      return;
    }
    try {
      f.complete(write.run());
    } catch (Throwable t) {
      failure = t;
      f.completeExceptionally(t);
    }
  }

  /** The future of the last write submitted: it completes after all earlier ones. */
  CompletableFuture<?> last() {
    return last;
  }

  /** Waits until every write submitted so far has run or been refused, whatever the outcome. */
  void awaitSettled() {
    boolean interrupted = false;
    CompletableFuture<?> f = last;
    while (!f.isDone()) {
      try {
        f.handle((r, t) -> null).get();
      } catch (InterruptedException e) {
        interrupted = true;
      } catch (java.util.concurrent.ExecutionException e) {
        break; // cannot happen: handle() completes normally
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  /** Lets the writes already submitted finish (up to {@code timeoutMillis}); refuses new ones. */
  void close(long timeoutMillis) {
    thread.shutdown();
    try {
      if (!thread.awaitTermination(timeoutMillis, TimeUnit.MILLISECONDS)) {
        thread.shutdownNow();
      }
    } catch (InterruptedException e) {
      thread.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    close(30_000);
  }
}
