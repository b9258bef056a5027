package io.astraea.node.cluster;

import java.time.Duration;

/** Polls a condition until it holds or a deadline passes, failing with what was awaited. */
final class Await {
  private static final long POLL_MILLIS = 100;

  private Await() {}

  /** A condition that may throw (JSON-RPC calls do); an exception counts as "not yet". */
  @FunctionalInterface
  interface Condition {
    boolean holds() throws Exception;
  }

  static void until(Duration timeout, String what, Condition condition) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    Exception last = null;
    while (true) {
      try {
        if (condition.holds()) {
          return;
        }
      } catch (InterruptedException e) {
        throw e;
      } catch (Exception e) {
        last = e;
      }
      if (System.nanoTime() - deadline > 0) {
        AssertionError failure = new AssertionError("timed out after " + timeout.toSeconds() + " s waiting for " + what);
        if (last != null) {
          failure.addSuppressed(last);
        }
        throw failure;
      }
      Thread.sleep(POLL_MILLIS);
    }
  }
}
