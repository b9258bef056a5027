package io.astraea.node.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.astraea.consensus.Action;
import io.astraea.consensus.Event;
import io.astraea.consensus.RecoveryData;
import io.astraea.consensus.types.ConsensusMsg;
import io.astraea.consensus.types.EpochRetrievalRequest;
import io.astraea.crypto.AccountAddress;
import io.astraea.node.metrics.NodeMetrics;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The driver's side of pipelined commits, with a scripted core and ledger: what the core emits
 * after a commit or a recovery record leaves only once that write is durable, in order, and
 * never if the write fails (the driver then stops).
 */
class ConsensusDriverTest {
  private static final AccountAddress SELF = AccountAddress.of("0x1");
  private static final AccountAddress PEER = AccountAddress.of("0x2");

  private final List<String> sent = Collections.synchronizedList(new ArrayList<>());
  private final CompletableFuture<Void> commitWrite = new CompletableFuture<>();
  private final CompletableFuture<Void> recordWrite = new CompletableFuture<>();
  private final AtomicLong timeouts = new AtomicLong();
  private final NodeMetrics metrics = new NodeMetrics();
  private ConsensusDriver driver;

  @AfterEach
  void stop() {
    if (driver != null) {
      driver.close();
    }
  }

  private static ConsensusMsg message(long n) {
    return new EpochRetrievalRequest(n, n + 1);
  }

  /** Starts a driver whose core answers the start event with {@code actions}. */
  private void start(List<Action> actions) {
    ConsensusDriver.Core core = new ConsensusDriver.Core() {
      @Override
      public List<Action> handle(Event event) {
        if (event instanceof Event.LocalTimeout) {
          timeouts.incrementAndGet(); // as the core counts a timeout it acts on
        }
        return event instanceof Event.Start ? actions : List.of();
      }

      @Override
      public long currentRound() {
        return 1;
      }

      @Override
      public long epoch() {
        return 1;
      }

      @Override
      public long localTimeouts() {
        return timeouts.get();
      }
    };
    ConsensusDriver.Transport transport = new ConsensusDriver.Transport() {
      @Override
      public void send(AccountAddress to, byte[] bytes) {
        sent.add("send " + to.toHex() + " " + bytes.length);
      }

      @Override
      public void broadcast(byte[] bytes) {
        sent.add("broadcast " + bytes.length);
      }
    };
    ConsensusDriver.LedgerActions ledger = new ConsensusDriver.LedgerActions() {
      @Override
      public CompletableFuture<?> commit(Action.Commit commit) {
        return commitWrite;
      }

      @Override
      public void syncTo(Action.SyncTo sync) {}

      @Override
      public CompletableFuture<?> persist(RecoveryData recovery) {
        return recordWrite;
      }

      @Override
      public void epochChanged(Action.EpochChanged change) {}
    };
    driver = new ConsensusDriver(core, SELF, transport, ledger, metrics, () -> 0L);
    driver.start();
  }

  private static void await(BooleanSupplier condition, String what) throws InterruptedException {
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting for " + what);
      }
      Thread.sleep(10);
    }
  }

  @Test
  void messagesAfterACommitLeaveOnceItIsDurableAndInOrder() throws Exception {
    start(List.of(
        new Action.Broadcast(message(1)),
        new Action.Commit(List.of(), null, null),
        new Action.Send(PEER, message(2)),
        new Action.Broadcast(message(3))));
    await(() -> sent.size() == 1, "the message before the commit");
    Thread.sleep(300);
    assertEquals(1, sent.size(), "nothing after the commit leaves while it is written: " + sent);

    commitWrite.complete(null);
    await(() -> sent.size() == 3, "the held messages");
    assertEquals(List.of("broadcast 17", "send " + PEER.toHex() + " 17", "broadcast 17"), sent);
    assertTrue(driver.isRunning());
  }

  @Test
  void aRecoveryRecordHoldsTheMessagesAfterItToo() throws Exception {
    start(List.of(new Action.Persist(null), new Action.Broadcast(message(1))));
    Thread.sleep(300);
    assertEquals(List.of(), sent);
    recordWrite.complete(null);
    await(() -> sent.size() == 1, "the message after the record");
  }

  @Test
  void aFailedWriteStopsTheDriverAndItsMessagesNeverLeave() throws Exception {
    start(List.of(new Action.Commit(List.of(), null, null), new Action.Send(PEER, message(1))));
    commitWrite.completeExceptionally(new IOException("disk full"));
    await(() -> !driver.isRunning(), "the driver to stop");
    assertInstanceOf(DurableOutbox.WriteFailedException.class, driver.failure());
    assertEquals(List.of(), sent);
  }

  @Test
  void roundTimeoutsTheCoreActsOnAreCountedInTheMetric() throws Exception {
    assertEquals(0, metrics.consensusTimeouts.get());
    start(List.of(new Action.ScheduleTimeout(1, 1, Duration.ofMillis(10)),
        new Action.ScheduleTimeout(1, 2, Duration.ofMillis(20))));
    await(() -> metrics.consensusTimeouts.get() == 2, "both timeouts counted");
    Thread.sleep(100);
    assertEquals(2, metrics.consensusTimeouts.get());
  }
}
