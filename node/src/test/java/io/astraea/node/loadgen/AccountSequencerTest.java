package io.astraea.node.loadgen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class AccountSequencerTest {
  @Test
  void handsOutConsecutiveNumbersFromTheChainsSequenceUpToTheWindow() {
    AccountSequencer s = new AccountSequencer(7, 3);
    assertEquals(OptionalLong.of(7), s.tryNext());
    assertEquals(OptionalLong.of(8), s.tryNext());
    assertEquals(OptionalLong.of(9), s.tryNext());
    assertEquals(OptionalLong.empty(), s.tryNext(), "window of 3 is full");
    assertEquals(3, s.inFlight());
  }

  @Test
  void commitsFreeTheWindowAndStaleReportsFreeNothing() {
    AccountSequencer s = new AccountSequencer(0, 2);
    s.tryNext();
    s.tryNext();
    assertEquals(1, s.observeCommitted(1));
    assertEquals(OptionalLong.of(2), s.tryNext());
    assertEquals(0, s.observeCommitted(1), "already seen");
    assertEquals(0, s.observeCommitted(0), "older than seen");
    assertEquals(2, s.observeCommitted(3));
    assertEquals(0, s.inFlight());
  }

  @Test
  void aChainAheadOfUsMovesTheNextNumberForward() {
    AccountSequencer s = new AccountSequencer(0, 4);
    s.tryNext();
    assertEquals(1, s.observeCommitted(10), "only the one handed out was freed");
    assertEquals(OptionalLong.of(10), s.tryNext());
  }

  @Test
  void aStalledAccountHandsOutNothingMore() {
    AccountSequencer s = new AccountSequencer(0, 4);
    s.tryNext();
    s.stall();
    assertTrue(s.stalled());
    assertEquals(OptionalLong.empty(), s.tryNext());
    s.observeCommitted(1);
    assertEquals(OptionalLong.empty(), s.tryNext());
  }

  @Test
  void rejectsImpossibleArguments() {
    assertThrows(IllegalArgumentException.class, () -> new AccountSequencer(-1, 1));
    assertThrows(IllegalArgumentException.class, () -> new AccountSequencer(0, 0));
  }

  @Property(tries = 50)
  void concurrentTakersGetEveryNumberExactlyOnceAndNeverExceedTheWindow(
      @ForAll @LongRange(max = 1_000_000) long start, @ForAll @IntRange(min = 1, max = 16) int window)
      throws InterruptedException {
    AccountSequencer s = new AccountSequencer(start, window);
    int total = 200;
    ConcurrentLinkedQueue<Long> taken = new ConcurrentLinkedQueue<>();
    AtomicBoolean overWindow = new AtomicBoolean();
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < 4; t++) {
      Thread th = new Thread(() -> {
        while (taken.size() < total) {
          OptionalLong n = s.tryNext();
          if (n.isPresent()) {
            if (s.inFlight() > window) {
              overWindow.set(true);
            }
            taken.add(n.getAsLong());
          } else {
            Thread.onSpinWait();
          }
        }
      });
      th.start();
      threads.add(th);
    }
    // The "chain" commits in order whatever has been handed out.
    long committed = start;
    while (committed < start + total) {
      long handed = s.peekNext();
      if (handed > committed) {
        s.observeCommitted(handed);
        committed = handed;
      }
      Thread.onSpinWait();
    }
    for (Thread t : threads) {
      t.join();
    }
    List<Long> sorted = new ArrayList<>(taken);
    sorted.sort(null);
    for (int i = 0; i < sorted.size(); i++) {
      assertEquals(start + i, sorted.get(i), "numbers are consecutive with no duplicate");
    }
    assertTrue(sorted.size() >= total);
    assertTrue(!overWindow.get(), "never more than the window in flight");
  }
}
