package io.astraea.node.ledger;

import io.astraea.ledger.storage.LedgerStore;
import io.astraea.ledger.storage.StorageException;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes state tree nodes that no version in the retention window still uses ({@code
 * storage.prune_window}): with window {@code w} and latest version {@code v}, the state at versions
 * {@code v - w .. v} stays readable with proofs; older versions answer {@code NOT_FOUND}.
 *
 * <p>Commits only tell this class how far the ledger got. Once the ledger has advanced by the
 * interval ({@code max(1, w / 100)} versions by default, so at most about one percent more than the
 * window is kept) since the last pass was scheduled, one pass is queued on the pruner's own daemon
 * thread; the committing (consensus) thread never deletes anything. Passes never overlap: a commit
 * that arrives while one runs only asks for another pass after it. The first commit after start
 * always triggers a pass, which clears what accumulated while the node was down.
 *
 * <p>A failing pass is logged and forgotten; the next commit schedules a new one whatever the
 * interval. Pruning and commits touch disjoint nodes (a node is only pruned once the latest tree no
 * longer holds it), so they need no common lock.
 */
public final class StatePruner implements CommitListener, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(StatePruner.class);

  /** How long {@link #close()} waits for a running pass. */
  public static final Duration DEFAULT_CLOSE_WAIT = Duration.ofSeconds(5);

  /** One pruning pass over the store: returns the number of nodes deleted. */
  @FunctionalInterface
  interface Pass {
    long run(long window) throws StorageException;
  }

  private final Pass pass;
  private final LongSupplier latestVersion;
  private final long window;
  private final long interval;
  private final LongConsumer onPruned;
  private final ExecutorService thread;

  private final Object lock = new Object();
  // All guarded by lock.
  /** The first version at which a commit schedules the next pass; 0 means "the next commit". */
  private long nextPassAt;
  /** A pass is queued or running on the pruner thread. */
  private boolean busy;
  /** A commit asked for a pass while one was running: run another right after it. */
  private boolean again;
  private boolean closed;
  private long passes;
  private long failures;
  private long prunedNodes;

  /**
   * Prunes {@code store} keeping {@code window} versions, with the default interval.
   *
   * @param window versions kept before the latest one; at least 1 (the configuration rejects 0: a
   *     window of 0 would delete the nodes of the version a reader obtained just before a commit)
   * @param onPruned told the number of nodes each pass deleted (e.g. a metrics counter)
   */
  public StatePruner(LedgerStore store, long window, LongConsumer onPruned) {
    this(store::pruneStateTree, store::latestVersion, window, defaultInterval(window), onPruned);
  }

  StatePruner(Pass pass, LongSupplier latestVersion, long window, long interval, LongConsumer onPruned) {
    if (window < 1) {
      throw new IllegalArgumentException("prune window must be at least 1 version, got " + window);
    }
    if (interval < 1) {
      throw new IllegalArgumentException("prune interval must be at least 1 version, got " + interval);
    }
    this.pass = pass;
    this.latestVersion = latestVersion;
    this.window = window;
    this.interval = interval;
    this.onPruned = onPruned;
    this.thread =
        Executors.newSingleThreadExecutor(
            r -> {
              Thread t = new Thread(r, "state-pruner");
              t.setDaemon(true);
              return t;
            });
  }

  /** Versions the ledger advances between passes: one percent of the window, at least one. */
  public static long defaultInterval(long window) {
    return Math.max(1, window / 100);
  }

  public long window() {
    return window;
  }

  public long interval() {
    return interval;
  }

  /** Called on the committing thread: at most queues a pass, never prunes here. */
  @Override
  public void onCommit(CommittedTransactions committed) {
    long version = committed.latestVersion();
    synchronized (lock) {
      if (closed || version < nextPassAt) {
        return;
      }
      nextPassAt = version + interval;
      if (busy) {
        again = true;
        return;
      }
      busy = true;
    }
    try {
      thread.execute(this::runPasses);
    } catch (RejectedExecutionException e) {
      synchronized (lock) {
        release(); // closed between the check above and here
      }
    }
  }

  /**
   * Runs passes until no commit asked for another. {@code busy} is cleared under the same lock
   * hold that finds no further request, so a request cannot slip in between and be lost.
   */
  private void runPasses() {
    boolean released = false;
    try {
      while (true) {
        synchronized (lock) {
          if (closed) {
            release();
            released = true;
            return;
          }
        }
        runOnePass();
        synchronized (lock) {
          if (!again || closed) {
            release();
            released = true;
            return;
          }
          again = false;
        }
      }
    } finally {
      if (!released) {
        synchronized (lock) {
          release();
        }
      }
    }
  }

  /** With {@code lock} held: no pass is queued or running any more. */
  private void release() {
    busy = false;
    again = false;
    lock.notifyAll();
  }

  private void runOnePass() {
    long latest = latestVersion.getAsLong();
    long deleted;
    try {
      deleted = pass.run(window);
    } catch (StorageException | RuntimeException e) {
      boolean stopping;
      synchronized (lock) {
        failures++;
        nextPassAt = 0;
        stopping = closed;
      }
      if (stopping) {
        LOG.debug("state tree pruning stopped by shutdown: {}", e.toString());
      } else {
        LOG.warn("state tree pruning at version {} failed, retrying at the next commit: {}", latest, e.toString());
      }
      return;
    }
    synchronized (lock) {
      passes++;
      prunedNodes += deleted;
    }
    if (deleted > 0) {
      onPruned.accept(deleted);
      LOG.info(
          "pruned {} stale state tree nodes: ledger at version {}, state kept from version {}",
          deleted, latest, Math.max(0, latest - window));
    } else {
      LOG.debug("no stale state tree nodes to prune at version {} (window {})", latest, window);
    }
  }

  /**
   * Waits until no pass is queued or running, up to {@code timeout}; returns whether it is idle.
   * Commits arriving meanwhile may start new passes.
   */
  boolean awaitIdle(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (lock) {
      while (busy) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        TimeUnit.NANOSECONDS.timedWait(lock, left);
      }
      return true;
    }
  }

  /** Passes that completed (whether or not they deleted anything). */
  public long passes() {
    synchronized (lock) {
      return passes;
    }
  }

  /** Passes that failed with an error. */
  public long failures() {
    synchronized (lock) {
      return failures;
    }
  }

  /** Nodes deleted since start. */
  public long prunedNodes() {
    synchronized (lock) {
      return prunedNodes;
    }
  }

  /** Stops scheduling and waits {@link #DEFAULT_CLOSE_WAIT} at most for a running pass. */
  @Override
  public void close() {
    close(DEFAULT_CLOSE_WAIT);
  }

  /**
   * Stops scheduling passes and waits up to {@code timeout} for a running one to finish; returns
   * whether it did. A pass still running afterwards is harmless: each deletion batch is atomic, and
   * once the store closes the pass fails with {@code CLOSED} and ends.
   */
  public boolean close(Duration timeout) {
    synchronized (lock) {
      closed = true;
    }
    thread.shutdown();
    boolean finished;
    try {
      finished = thread.awaitTermination(timeout.toNanos(), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      finished = false;
    }
    if (!finished) {
      LOG.warn("state tree pruning still running after {} ms; closing without it", timeout.toMillis());
      thread.shutdownNow();
    }
    return finished;
  }
}
