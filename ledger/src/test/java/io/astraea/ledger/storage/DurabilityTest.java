package io.astraea.ledger.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.astraea.crypto.HashValue;
import io.astraea.ledger.accumulator.InMemoryAccumulator;
import io.astraea.ledger.jmt.InMemoryTreeStore;
import io.astraea.ledger.jmt.JellyfishMerkleTree;
import io.astraea.ledger.jmt.NodeKey;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store comes back exactly at its last commit, after a clean close and after SIGKILL. */
class DurabilityTest {
  @TempDir Path dir;

  @Test
  void reopenAfterCleanCloseResumesAtTheLastCommit() throws Exception {
    LedgerFixture fx = new LedgerFixture(21);
    LedgerSummary before;
    try (LedgerStore store = LedgerStore.open(dir)) {
      for (int i = 0; i < 8; i++) {
        store.commit(fx.nextBlock(store.stateTree(), i == 3));
      }
      before = store.summary();
    }
    try (LedgerStore store = LedgerStore.open(dir)) {
      assertEquals(before, store.summary());
      assertConsistent(store, 21);
      BlockCommit next = fx.nextBlock(store.stateTree(), false);
      store.commit(next);
      assertEquals(next.lastVersion(), store.latestVersion());
    }
  }

  @Test
  void killedWriterLeavesExactlyTheLastCommittedBlock() throws Exception {
    for (int round = 0; round < 2; round++) {
      Path db = dir.resolve("db" + round);
      long seed = 30 + round;
      long lastPrinted = runAndKill(db, seed, 10 + 25 * round, 7L * round);
      try (LedgerStore store = LedgerStore.open(db)) {
        long latest = store.latestVersion();
        assertTrue(latest >= lastPrinted, "lost a commit that had returned: " + latest + " < " + lastPrinted);
        LedgerFixture fx = assertConsistent(store, seed);
        // the recovered store accepts the next block of the same history
        BlockCommit next = fx.nextBlock(store.stateTree(), fx.blocks() % 7 == 6);
        store.commit(next);
        assertEquals(next.lastVersion(), store.latestVersion());
      }
    }
  }

  /** Starts the commit loop in a child JVM and kills it after {@code commits} commits; returns the last printed version. */
  private static long runAndKill(Path db, long seed, int commits, long delayMillis) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process p = new ProcessBuilder(java, "-Xmx128m", "-cp", System.getProperty("java.class.path"),
        CommitLoopMain.class.getName(), db.toString(), Long.toString(seed), "100000")
        .redirectErrorStream(true)
        .start();
    long last = -1;
    int seen = 0;
    List<String> other = new ArrayList<>();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while (seen < commits && (line = r.readLine()) != null) {
        if (line.startsWith("committed ")) {
          last = Long.parseLong(line.substring("committed ".length()));
          seen++;
        } else {
          other.add(line);
        }
      }
      Thread.sleep(delayMillis);
      p.destroyForcibly();
      assertTrue(p.waitFor(30, TimeUnit.SECONDS));
    } finally {
      p.destroyForcibly();
    }
    assertEquals(commits, seen, "child stopped early: " + other);
    return last;
  }

  /**
   * Rebuilds the fixture's history in memory up to the store's latest version and checks that the
   * version falls on a block boundary, every stored transaction and info matches, the roots match
   * the recomputed ones and the latest ledger info, and nothing after it was written. Returns the
   * fixture positioned after the latest version.
   */
  private static LedgerFixture assertConsistent(LedgerStore store, long seed) throws Exception {
    long latest = store.latestVersion();
    LedgerFixture fx = new LedgerFixture(seed);
    InMemoryTreeStore tree = new InMemoryTreeStore();
    List<TransactionToCommit> expected = new ArrayList<>();
    BlockCommit lastBlock = null;
    for (int i = 0; fx.nextVersion() <= latest; i++) {
      lastBlock = fx.nextBlock(tree, i % 7 == 6);
      tree.writeBatch(lastBlock.stateUpdate());
      expected.addAll(lastBlock.transactions());
    }
    assertEquals(latest + 1, fx.nextVersion(), "the latest version is not the end of a block");

    List<TransactionWithInfo> stored = store.transactions(0, Integer.MAX_VALUE, latest, true).transactions();
    assertEquals(expected.size(), stored.size());
    InMemoryAccumulator recomputed = InMemoryAccumulator.transactions();
    for (int i = 0; i < expected.size(); i++) {
      assertEquals(expected.get(i).transaction(), stored.get(i).transaction());
      assertEquals(expected.get(i).info(), stored.get(i).info());
      assertEquals(expected.get(i).events(), stored.get(i).events());
      recomputed = recomputed.append(List.of(stored.get(i).info().hash()));
    }
    LedgerSummary s = store.summary();
    assertEquals(recomputed.rootHash(), s.accumulatorRoot());
    assertEquals(s.accumulatorRoot(), s.latestLedgerInfo().orElseThrow().ledgerInfo().commitInfo().executedStateId());
    assertEquals(latest, s.latestLedgerInfo().orElseThrow().ledgerInfo().version());
    assertEquals(lastBlock.ledgerInfo(), s.latestLedgerInfo());
    HashValue stateRoot = new JellyfishMerkleTree(tree).rootHash(latest);
    assertEquals(stateRoot, s.stateRoot());
    assertEquals(stored.get(stored.size() - 1).info().stateRootHash(), s.stateRoot());

    assertTrue(store.stateTree().getNode(NodeKey.root(latest + 1)).isEmpty());
    LedgerDb raw = store.rawDb();
    assertNull(raw.get(ColumnFamily.TRANSACTIONS, Keys.u64(latest + 1)));
    assertNull(raw.get(ColumnFamily.TRANSACTION_INFOS, Keys.u64(latest + 1)));
    for (ColumnFamily cf : new ColumnFamily[] {
        ColumnFamily.TRANSACTIONS, ColumnFamily.TRANSACTION_INFOS, ColumnFamily.EVENTS, ColumnFamily.JMT_NODES}) {
      assertEquals(latest, Keys.readU64(raw.last(cf)[0], 0), "last key of " + cf.dbName());
    }
    assertNull(raw.get(ColumnFamily.ACCUMULATOR_NODES, Keys.u64(2 * (latest + 1))));
    return fx;
  }
}
