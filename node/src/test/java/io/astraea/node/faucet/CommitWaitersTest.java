package io.astraea.node.faucet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class CommitWaitersTest {

  private static FaucetException.Kind failure(CompletableFuture<Void> f) {
    ExecutionException e = assertThrows(ExecutionException.class, () -> f.get(5, TimeUnit.SECONDS));
    return ((FaucetException) e.getCause()).kind();
  }

  @Test
  void waitsCompleteWhenTheLedgerPassesThem() throws Exception {
    AtomicLong committed = new AtomicLong(3);
    try (CommitWaiters waiters = new CommitWaiters(committed::get, Duration.ofMillis(5), c -> {})) {
      CompletableFuture<Void> already = waiters.awaitAbove(2, Duration.ofSeconds(10));
      CompletableFuture<Void> later = waiters.awaitAbove(5, Duration.ofSeconds(10));
      already.get(5, TimeUnit.SECONDS);
      Thread.sleep(50);
      assertFalse(later.isDone(), "sequence 5 is not committed while the ledger is at 3");
      committed.set(6);
      later.get(5, TimeUnit.SECONDS);
      assertEquals(0, waiters.waiting());
    }
  }

  @Test
  void aWaitTimesOutAndReportsWhereTheLedgerIs() throws Exception {
    AtomicLong committed = new AtomicLong(1);
    AtomicLong seenAtTimeout = new AtomicLong(-1);
    try (CommitWaiters waiters = new CommitWaiters(committed::get, Duration.ofMillis(5), seenAtTimeout::set)) {
      assertEquals(FaucetException.Kind.UNAVAILABLE, failure(waiters.awaitAbove(4, Duration.ofMillis(50))));
      assertEquals(1, seenAtTimeout.get());
      // The poll stopped with nothing left to wait for, and starts again for a new wait.
      CompletableFuture<Void> next = waiters.awaitAbove(1, Duration.ofSeconds(10));
      committed.set(2);
      next.get(5, TimeUnit.SECONDS);
    }
  }

  @Test
  void closingFailsWhatStillWaitsAndRefusesNewWaits() throws Exception {
    CommitWaiters waiters = new CommitWaiters(() -> 0, Duration.ofMillis(5), c -> {});
    CompletableFuture<Void> held = waiters.awaitAbove(10, Duration.ofSeconds(10));
    waiters.close();
    assertEquals(FaucetException.Kind.UNAVAILABLE, failure(held));
    assertEquals(FaucetException.Kind.UNAVAILABLE, failure(waiters.awaitAbove(1, Duration.ofSeconds(10))));
  }
}
