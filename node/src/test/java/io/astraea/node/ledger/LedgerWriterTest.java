package io.astraea.node.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LedgerWriterTest {
  private final LedgerWriter writer = new LedgerWriter();

  @AfterEach
  void close() {
    writer.close();
  }

  @Test
  void writesRunInSubmissionOrderOffTheCallersThread() throws Exception {
    List<Integer> order = Collections.synchronizedList(new ArrayList<>());
    List<String> threads = Collections.synchronizedList(new ArrayList<>());
    List<CompletableFuture<Integer>> futures = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      int n = i;
      futures.add(writer.submit(() -> {
        order.add(n);
        threads.add(Thread.currentThread().getName());
        return n * 2;
      }));
    }
    writer.last().get(10, TimeUnit.SECONDS);
    for (int i = 0; i < 200; i++) {
      assertEquals(i, order.get(i));
      assertEquals(2 * i, futures.get(i).get());
    }
    assertTrue(threads.stream().allMatch("ledger-writer"::equals), threads.toString());
  }

  @Test
  void aFailedWriteFailsEveryLaterOneWithoutRunningIt() throws Exception {
    CompletableFuture<Void> ok = writer.submit(() -> null);
    IOException disk = new IOException("disk full");
    CompletableFuture<Void> failed = writer.submit(() -> {
      throw disk;
    });
    List<String> ranAfter = Collections.synchronizedList(new ArrayList<>());
    CompletableFuture<Void> later = writer.submit(() -> {
      ranAfter.add("later");
      return null;
    });
    writer.awaitSettled();
    assertTrue(later.isDone(), "settled means every submitted write has finished");
    ok.get();
    ExecutionException e = assertThrows(ExecutionException.class, failed::get);
    assertSame(disk, e.getCause());
    ExecutionException l = assertThrows(ExecutionException.class, later::get);
    assertInstanceOf(LedgerWriter.EarlierWriteFailedException.class, l.getCause());
    assertSame(disk, l.getCause().getCause());
    assertTrue(ranAfter.isEmpty(), "nothing runs on top of a failed write");
    assertSame(later, writer.last());
  }

  @Test
  void closeLetsSubmittedWritesFinishAndRefusesNewOnes() throws Exception {
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch proceed = new CountDownLatch(1);
    CompletableFuture<String> slow = writer.submit(() -> {
      started.countDown();
      proceed.await(10, TimeUnit.SECONDS);
      return "done";
    });
    CompletableFuture<String> queued = writer.submit(() -> "queued");
    assertTrue(started.await(10, TimeUnit.SECONDS));
    Thread closer = new Thread(writer::close);
    closer.start();
    proceed.countDown();
    closer.join(10_000);
    assertFalse(closer.isAlive());
    assertEquals("done", slow.get());
    assertEquals("queued", queued.get());
    CompletableFuture<String> refused = writer.submit(() -> "never");
    ExecutionException e = assertThrows(ExecutionException.class, refused::get);
    assertInstanceOf(IllegalStateException.class, e.getCause());
  }
}
