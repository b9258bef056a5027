package io.astraea.node.ledger;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.astraea.consensus.blocks.ExecutedBlock;
import io.astraea.consensus.types.Block;
import io.astraea.crypto.HashValue;
import io.astraea.crypto.quorum.BlockInfo;
import io.astraea.crypto.quorum.EpochState;
import io.astraea.ledger.execution.ExecutorConfig;
import io.astraea.ledger.jmt.SparseMerkleProofVerifier;
import io.astraea.ledger.jmt.StateValueWithProof;
import io.astraea.ledger.state.AccountState;
import io.astraea.ledger.state.StateKeys;
import io.astraea.ledger.storage.LedgerStore;
import io.astraea.ledger.storage.StorageException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

class StatePrunerTest {
  private static final Duration WAIT = Duration.ofSeconds(5);

  @TempDir Path dir;
  private final TestChain chain = new TestChain();
  private LedgerService ledger;
  private LedgerStore store;
  private SpeculativeExecutor executor;
  private EpochState epoch;
  private BlockInfo parent;
  private long round;
  private long sequence;
  private final List<StatePruner> pruners = new ArrayList<>();
  private final Logger log = (Logger) LoggerFactory.getLogger(StatePruner.class);
  private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
  private Level previousLevel;

  @BeforeEach
  void open() throws Exception {
    ledger = LedgerService.open(dir, chain.description());
    store = ledger.store();
    executor = new SpeculativeExecutor(ledger, new VerifiedSignatures(1_000), ExecutorConfig.standard());
    epoch = ledger.recoveryData().epochState();
    parent = ledger.recoveryData().root().info();
    previousLevel = log.getLevel();
    log.setLevel(Level.DEBUG);
    logged.start();
    log.addAppender(logged);
  }

  @AfterEach
  void close() {
    pruners.forEach(StatePruner::close);
    ledger.close();
    log.detachAppender(logged);
    log.setLevel(previousLevel);
  }

  private StatePruner attach(StatePruner p) {
    pruners.add(p);
    executor.addCommitListener(p);
    return p;
  }

  /** Commits one block holding a transfer from user 0 (block metadata + transfer: two versions). */
  private long commitBlock() throws Exception {
    Block b = chain.proposal(parent, ++round, List.of(chain.transfer(0, 1, sequence++, 1)));
    ExecutedBlock eb = new ExecutedBlock(b, TestChain.info(b, executor.execute(b, parent)));
    executor.commit(chain.commit(epoch, List.of(eb)));
    parent = eb.info();
    return ledger.latestVersion();
  }

  private HashValue user0() {
    return StateKeys.accountKey(chain.user(0));
  }

  private int staleUpTo(long version) throws Exception {
    return store.stateTree().staleNodesUpTo(version, Integer.MAX_VALUE).size();
  }

  private static CommittedTransactions committedAt(long version) {
    return new CommittedTransactions(new TreeMap<>(), List.of(), List.of(), version);
  }

  private List<ILoggingEvent> logged(Level level) {
    return logged.list.stream().filter(e -> e.getLevel() == level).toList();
  }

  @Test
  void prunesEverythingStaleBehindTheWindowAndKeepsTheWindowProvable() throws Exception {
    long window = 4;
    AtomicLong counted = new AtomicLong();
    StatePruner pruner = attach(new StatePruner(store, window, counted::addAndGet));
    assertEquals(1, pruner.interval(), "one percent of a 4-version window rounds up to every version");

    long early = commitBlock();
    assertTrue(store.stateValue(user0(), early - 1).isPresent(), "readable while inside the window");
    long latest = early;
    for (int i = 0; i < 7; i++) {
      latest = commitBlock();
    }
    assertTrue(pruner.awaitIdle(WAIT));

    assertEquals(0, pruner.failures());
    assertTrue(pruner.prunedNodes() > 0);
    assertEquals(pruner.prunedNodes(), counted.get(), "every deletion reaches the metric");
    assertEquals(0, staleUpTo(latest - window), "no stale node older than the window is left");
    assertTrue(staleUpTo(latest) > 0, "nodes still used by versions inside the window are kept");

    for (long v = latest - window; v <= latest; v++) {
      StateValueWithProof p = store.stateValueWithProof(user0(), v);
      assertTrue(p.value().isPresent());
      SparseMerkleProofVerifier.verify(store.transactionInfo(v).stateRootHash(), user0(), p.value(), p.proof());
    }
    AccountState account = AccountState.fromBcs(store.stateValue(user0(), latest).orElseThrow());
    assertEquals(TestChain.FUNDS - 8, account.balance("XUS"));

    for (long v = early - 1; v <= early; v++) {
      long old = v;
      StorageException e = assertThrows(StorageException.class, () -> store.stateValue(user0(), old));
      assertEquals(StorageException.Kind.NOT_FOUND, e.kind(), e.getMessage());
    }
    assertFalse(logged(Level.INFO).isEmpty(), "a pass that deletes nodes says so at INFO");
    assertTrue(logged(Level.WARN).isEmpty());
  }

  @Test
  void passesWaitForTheLedgerToAdvanceByTheInterval() throws Exception {
    long window = 2;
    StatePruner pruner =
        attach(new StatePruner(store::pruneStateTree, store::latestVersion, window, 6, n -> {}));
    List<Long> passesAfter = new ArrayList<>();
    List<Long> versions = new ArrayList<>();
    int staleBeforeSecondPass = -1;
    for (int i = 0; i < 5; i++) {
      long v = commitBlock();
      assertTrue(pruner.awaitIdle(WAIT));
      versions.add(v);
      passesAfter.add(pruner.passes());
      if (v == 6) {
        staleBeforeSecondPass = staleUpTo(v - window);
      }
    }
    assertEquals(List.of(2L, 4L, 6L, 8L, 10L), versions);
    // the first commit always prunes; the next pass waits until version 2 + 6
    assertEquals(List.of(1L, 1L, 1L, 2L, 2L), passesAfter);
    assertTrue(staleBeforeSecondPass > 0, "between passes stale nodes accumulate");
    assertEquals(0, staleUpTo(8 - window), "the pass at version 8 caught up");
    assertTrue(staleUpTo(10 - window) > 0, "the commit at version 10 did not prune");
  }

  @Test
  void aFailingPassIsLoggedAndTheNextCommitTriesAgain() throws Exception {
    StatePruner pruner =
        attach(new StatePruner(store::pruneStateTree, store::latestVersion, 1, 100, n -> {}));
    long latest = commitBlock();
    assertTrue(pruner.awaitIdle(WAIT));
    assertEquals(1, pruner.passes());

    ledger.close(); // the store goes away underneath the pruner
    assertDoesNotThrow(() -> pruner.onCommit(committedAt(latest + 100)));
    assertTrue(pruner.awaitIdle(WAIT));
    assertEquals(1, pruner.failures());
    List<ILoggingEvent> warnings = logged(Level.WARN);
    assertEquals(1, warnings.size());
    assertTrue(warnings.get(0).getFormattedMessage().contains("closed"), warnings.get(0).getFormattedMessage());

    // one version later, well inside the interval: a failed pass is retried at once
    assertDoesNotThrow(() -> pruner.onCommit(committedAt(latest + 101)));
    assertTrue(pruner.awaitIdle(WAIT));
    assertEquals(2, pruner.failures(), "the pruner thread survived the first failure");
    assertEquals(1, pruner.passes());
  }

  @Test
  void passesRunOneAtATimeOffTheCommittingThread() throws Exception {
    CountDownLatch entered = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    AtomicInteger running = new AtomicInteger();
    AtomicInteger mostAtOnce = new AtomicInteger();
    AtomicInteger calls = new AtomicInteger();
    List<String> threads = Collections.synchronizedList(new ArrayList<>());
    StatePruner.Pass pass =
        window -> {
          mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
          threads.add(Thread.currentThread().getName());
          calls.incrementAndGet();
          entered.countDown();
          try {
            release.await(5, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          running.decrementAndGet();
          return 3;
        };
    AtomicLong counted = new AtomicLong();
    StatePruner pruner = new StatePruner(pass, () -> 0, 10, 1, counted::addAndGet);
    pruners.add(pruner);

    pruner.onCommit(committedAt(10)); // returns at once although the pass blocks
    assertTrue(entered.await(5, TimeUnit.SECONDS));
    pruner.onCommit(committedAt(20));
    pruner.onCommit(committedAt(30));
    pruner.onCommit(committedAt(40));
    assertFalse(pruner.awaitIdle(Duration.ofMillis(50)));
    assertEquals(1, calls.get(), "no second pass while one runs");

    release.countDown();
    assertTrue(pruner.awaitIdle(WAIT));
    assertEquals(2, calls.get(), "the commits during the pass are folded into one more pass");
    assertEquals(1, mostAtOnce.get());
    assertEquals(List.of("state-pruner", "state-pruner"), threads);
    assertEquals(6, pruner.prunedNodes());
    assertEquals(6, counted.get());
  }

  @Test
  void closeWaitsBoundedForARunningPassAndThenAcceptsNoWork() throws Exception {
    CountDownLatch entered = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    AtomicInteger calls = new AtomicInteger();
    StatePruner.Pass pass =
        window -> {
          calls.incrementAndGet();
          entered.countDown();
          try {
            release.await(5, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          return 0;
        };
    StatePruner stuck = new StatePruner(pass, () -> 0, 10, 1, n -> {});
    stuck.onCommit(committedAt(10));
    assertTrue(entered.await(5, TimeUnit.SECONDS));
    long start = System.nanoTime();
    assertFalse(stuck.close(Duration.ofMillis(200)), "a pass that does not finish is not waited for forever");
    assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(3));
    release.countDown();

    CountDownLatch entered2 = new CountDownLatch(1);
    CountDownLatch release2 = new CountDownLatch(1);
    AtomicInteger finished = new AtomicInteger();
    StatePruner.Pass slow =
        window -> {
          entered2.countDown();
          try {
            release2.await(5, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          finished.incrementAndGet();
          return 0;
        };
    StatePruner pruner = new StatePruner(slow, () -> 0, 10, 1, n -> {});
    pruner.onCommit(committedAt(10));
    assertTrue(entered2.await(5, TimeUnit.SECONDS));
    Thread releaser = new Thread(() -> {
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      release2.countDown();
    });
    releaser.start();
    assertTrue(pruner.close(WAIT), "close waits for the running pass");
    assertEquals(1, finished.get());
    pruner.onCommit(committedAt(1_000));
    assertTrue(pruner.awaitIdle(WAIT));
    assertEquals(1, pruner.passes(), "no pass after close");
    releaser.join();
  }

  @Test
  void windowMustKeepAtLeastOneVersion() {
    assertThrows(IllegalArgumentException.class, () -> new StatePruner(store, 0, n -> {}));
    assertThrows(IllegalArgumentException.class, () -> new StatePruner(store, -5, n -> {}));
    assertEquals(10_000, StatePruner.defaultInterval(1_000_000));
    assertEquals(1, StatePruner.defaultInterval(50));
  }
}
