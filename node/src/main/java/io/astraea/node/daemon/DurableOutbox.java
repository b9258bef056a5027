package io.astraea.node.daemon;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * Holds the consensus thread's outgoing messages until the ledger writes submitted before them are
 * durable, so the thread can go on (execute the next block) while a commit is written, yet no
 * message that depends on a commit or recovery record leaves the process before that record
 * would survive a crash. Messages leave in the order they were given. Not thread-safe: owned by
 * the consensus thread.
 */
final class DurableOutbox {
  private record Held(CompletableFuture<?> after, Runnable send) {}

  private final Deque<Held> held = new ArrayDeque<>();
  private CompletableFuture<?> latest = CompletableFuture.completedFuture(null);

  /** Messages given from now on wait for {@code write} (and so for every write before it). */
  void after(CompletableFuture<?> write) {
    latest = write;
  }

  /** Sends now if nothing is pending, else holds {@code send} behind what is. */
  void send(Runnable send) {
    if (held.isEmpty() && isDurable(latest)) {
      send.run();
    } else {
      held.add(new Held(latest, send));
    }
  }

  /**
   * Sends, in order, the held messages whose writes are durable.
   *
   * @throws WriteFailedException if a write failed: its messages are never sent
   */
  void release() throws WriteFailedException {
    failIfFailed(latest);
    while (!held.isEmpty()) {
      Held h = held.peekFirst();
      if (!h.after.isDone()) {
        return;
      }
      failIfFailed(h.after);
      held.removeFirst();
      h.send.run();
    }
  }

  /** How many messages wait for a write. */
  int heldCount() {
    return held.size();
  }

  private static boolean isDurable(CompletableFuture<?> f) {
    return f.isDone() && !f.isCompletedExceptionally();
  }

  private static void failIfFailed(CompletableFuture<?> f) throws WriteFailedException {
    if (!f.isCompletedExceptionally()) {
      return;
    }
    try {
      f.get();
    } catch (ExecutionException e) {
      throw new WriteFailedException(e.getCause());
    } catch (InterruptedException | RuntimeException e) {
      throw new WriteFailedException(e);
    }
  }

  /** A ledger write the held messages depended on failed. */
  static final class WriteFailedException extends Exception {
    WriteFailedException(Throwable cause) {
      super("ledger write failed: " + cause, cause);
    }
  }
}
