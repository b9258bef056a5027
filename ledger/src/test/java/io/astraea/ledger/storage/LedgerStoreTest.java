package io.astraea.ledger.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.astraea.crypto.HashValue;
import io.astraea.crypto.quorum.LedgerInfoWithSignatures;
import io.astraea.ledger.accumulator.AccumulatorVerifier;
import io.astraea.ledger.accumulator.InMemoryAccumulator;
import io.astraea.ledger.jmt.JellyfishMerkleTree;
import io.astraea.ledger.jmt.JmtHashing;
import io.astraea.ledger.jmt.NodeRetention;
import io.astraea.ledger.jmt.SparseMerkleProofVerifier;
import io.astraea.ledger.jmt.StateValueWithProof;
import io.astraea.ledger.jmt.TreeUpdateBatch;
import io.astraea.ledger.state.StateKeys;
import io.astraea.ledger.types.ContractEvent;
import io.astraea.ledger.types.EventKey;
import io.astraea.ledger.types.SignedTransaction;
import io.astraea.ledger.types.Transaction;
import io.astraea.ledger.types.TransactionInfo;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LedgerStoreTest {
  @TempDir Path dir;

  private static List<BlockCommit> commitBlocks(LedgerStore store, LedgerFixture fx, int n, int epochEndAt)
      throws Exception {
    List<BlockCommit> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      BlockCommit c = fx.nextBlock(store.stateTree(), i == epochEndAt);
      HashValue root = store.commit(c);
      assertEquals(c.ledgerInfo().orElseThrow().ledgerInfo().commitInfo().executedStateId(), root);
      out.add(c);
    }
    return out;
  }

  @Test
  void committedBlocksAreReadableWithProofs() throws Exception {
    LedgerFixture fx = new LedgerFixture(11);
    try (LedgerStore store = LedgerStore.open(dir)) {
      assertTrue(store.summary().isEmpty());
      assertEquals(JmtHashing.PLACEHOLDER, store.summary().stateRoot());
      List<BlockCommit> blocks = commitBlocks(store, fx, 12, 4);
      long latest = fx.nextVersion() - 1;
      LedgerSummary s = store.summary();
      assertEquals(latest, s.latestVersion());
      BlockCommit last = blocks.get(blocks.size() - 1);
      assertEquals(last.ledgerInfo(), s.latestLedgerInfo());
      assertEquals(last.transactions().get(last.transactions().size() - 1).info().stateRootHash(), s.stateRoot());

      // every transaction, in one range with a proof
      List<TransactionToCommit> all = new ArrayList<>();
      blocks.forEach(b -> all.addAll(b.transactions()));
      TransactionListWithProof list = store.transactions(0, 1000, latest, true);
      assertEquals(all.size(), list.transactions().size());
      List<HashValue> infoHashes = new ArrayList<>();
      for (int i = 0; i < all.size(); i++) {
        TransactionWithInfo t = list.transactions().get(i);
        assertEquals(i, t.version());
        assertEquals(all.get(i).transaction(), t.transaction());
        assertEquals(all.get(i).info(), t.info());
        assertEquals(all.get(i).events(), t.events());
        infoHashes.add(t.info().hash());
      }
      AccumulatorVerifier.verifyRange(s.accumulatorRoot(), 0, infoHashes, list.proof().orElseThrow());
      TransactionListWithProof middle = store.transactions(3, 5, latest, false);
      AccumulatorVerifier.verifyRange(s.accumulatorRoot(), 3, infoHashes.subList(3, 8), middle.proof().orElseThrow());
      assertTrue(store.transactions(latest + 1, 5, latest, false).transactions().isEmpty());

      // by (sender, sequence number) and by hash
      for (int i = 0; i < all.size(); i++) {
        if (all.get(i).transaction() instanceof Transaction.UserTransaction u) {
          SignedTransaction st = u.transaction();
          TransactionWithProof p =
              store.transactionByAccountSequence(st.sender(), st.sequenceNumber(), latest, true).orElseThrow();
          assertEquals(i, p.transaction().version());
          AccumulatorVerifier.verifyInclusion(s.accumulatorRoot(), p.transaction().info().hash(), i, p.proof());
          assertEquals(i, store.transactionByHash(u.hash(), false).orElseThrow().version());
        }
      }
      assertTrue(store.transactionByAccountSequence(fx.address(0), 1_000_000, latest, false).isEmpty());
      assertTrue(store.transactionByHash(HashValue.ZERO, false).isEmpty());

      // events by key and sequence range
      EventKey key = new EventKey(0, fx.address(1));
      List<ContractEvent> expected = new ArrayList<>();
      for (TransactionToCommit t : all) {
        t.events().stream().filter(e -> e.key().equals(key)).forEach(expected::add);
      }
      List<EventWithVersion> events = store.eventsByKey(key, 0, 1000);
      assertEquals(expected, events.stream().map(EventWithVersion::event).toList());
      if (expected.size() > 2) {
        assertEquals(expected.subList(1, 3),
            store.eventsByKey(key, 1, 2).stream().map(EventWithVersion::event).toList());
      }

      // account state with a two-step proof at every version: the last version of each block
      // reads the stored tree, the others a tree rebuilt from the block's write sets
      HashValue accountKey = StateKeys.accountKey(fx.address(2));
      TreeMap<HashValue, byte[]> model = new TreeMap<>();
      for (BlockCommit b : blocks) {
        for (int i = 0; i < b.transactions().size(); i++) {
          long v = b.firstVersion() + i;
          model.putAll(b.stateUpdate().valueSets().get(i));
          AccountStateWithProof a = store.accountStateWithProof(accountKey, v, latest);
          assertEquals(b.transactions().get(i).info(), a.transactionInfo());
          assertArrayEquals(model.get(accountKey), a.blob().orElse(null));
          SparseMerkleProofVerifier.verify(a.transactionInfo().stateRootHash(), accountKey, a.blob(), a.stateProof());
          AccumulatorVerifier.verifyInclusion(s.accumulatorRoot(), a.transactionInfo().hash(), v, a.transactionInfoProof());
          assertEquals(a.transactionInfo().stateRootHash(), store.stateRoot(v));
          if (i + 1 < b.transactions().size()) {
            // an update computed on the tree at v (rebuilt) reaches the next version's root
            TreeUpdateBatch next = new JellyfishMerkleTree(store.stateTreeAt(v))
                .putValueSets(List.of(b.stateUpdate().valueSets().get(i + 1)), v + 1, NodeRetention.LAST_VERSION);
            assertEquals(b.transactions().get(i + 1).info().stateRootHash(), next.lastRootHash());
          }
        }
      }

      // ledger infos per epoch, and the epoch-ending one
      LedgerInfoWithSignatures endOfOne = blocks.get(4).ledgerInfo().orElseThrow();
      assertEquals(Optional.of(endOfOne), store.ledgerInfo(1));
      assertEquals(List.of(endOfOne), store.epochEndingLedgerInfos(0, 5));
      assertEquals(s.latestLedgerInfo(), store.ledgerInfo(2));

      // consistency of the accumulator between two versions
      long old = latest / 3;
      InMemoryAccumulator client = InMemoryAccumulator.transactions(store.frozenSubtreeRoots(old), old + 1);
      assertEquals(store.accumulatorRoot(old), client.rootHash());
      AccumulatorVerifier.verifyConsistency(client, latest + 1, s.accumulatorRoot(), store.consistencyProof(old, latest));

      assertEquals(StorageException.Kind.NOT_FOUND,
          assertThrows(StorageException.class, () -> store.transaction(latest + 1, false)).kind());
    }
  }

  @Test
  void aCommitCarriesTheRecoveryRecordInItsBatchAndARejectedOneLeavesTheOldRecord() throws Exception {
    LedgerFixture fx = new LedgerFixture(12);
    try (LedgerStore store = LedgerStore.open(dir)) {
      assertTrue(store.consensus().recoveryRecord().isEmpty());
      BlockCommit first = fx.nextBlock(store.stateTree(), false);
      store.commit(first, Optional.of(new byte[] {1}));
      assertArrayEquals(new byte[] {1}, store.consensus().recoveryRecord().orElseThrow());

      BlockCommit second = fx.nextBlock(store.stateTree(), false);
      BlockCommit wrongStart = new BlockCommit(second.firstVersion() + 1, second.transactions(), second.stateUpdate(),
          second.ledgerInfo());
      assertEquals(StorageException.Kind.INVALID_ARGUMENT, assertThrows(StorageException.class,
          () -> store.commit(wrongStart, Optional.of(new byte[] {2}))).kind());
      assertArrayEquals(new byte[] {1}, store.consensus().recoveryRecord().orElseThrow());

      store.commit(second);
      assertArrayEquals(new byte[] {1}, store.consensus().recoveryRecord().orElseThrow(), "a commit without one keeps it");
      store.commitLedgerInfo(second.ledgerInfo().orElseThrow(), Optional.of(new byte[] {3}));
      assertArrayEquals(new byte[] {3}, store.consensus().recoveryRecord().orElseThrow());
      store.consensus().saveRecoveryRecord(new byte[] {4, 5});
    }
    try (LedgerStore reopened = LedgerStore.open(dir)) {
      assertArrayEquals(new byte[] {4, 5}, reopened.consensus().recoveryRecord().orElseThrow());
    }
  }

  @Test
  void inconsistentCommitsAreRejectedAndWriteNothing() throws Exception {
    LedgerFixture fx = new LedgerFixture(12);
    try (LedgerStore store = LedgerStore.open(dir)) {
      commitBlocks(store, fx, 2, -1);
      long latest = store.latestVersion();
      HashValue root = store.accumulatorRoot(latest);
      BlockCommit good = fx.nextBlock(store.stateTree(), false);

      BlockCommit wrongStart = new BlockCommit(good.firstVersion() + 1, good.transactions(), good.stateUpdate(), good.ledgerInfo());
      assertInvalid(store, wrongStart);

      List<TransactionToCommit> tampered = new ArrayList<>(good.transactions());
      TransactionToCommit t0 = tampered.get(0);
      TransactionInfo badInfo = new TransactionInfo(t0.info().transactionHash(), HashValue.ZERO,
          t0.info().eventRootHash(), t0.info().gasUsed(), t0.info().status());
      tampered.set(0, new TransactionToCommit(t0.transaction(), badInfo, t0.events()));
      assertInvalid(store, new BlockCommit(good.firstVersion(), tampered, good.stateUpdate(), good.ledgerInfo()));

      tampered.set(0, new TransactionToCommit(t0.transaction(), t0.info(), tampered.get(1).events()));
      assertInvalid(store, new BlockCommit(good.firstVersion(), tampered, good.stateUpdate(), good.ledgerInfo()));

      // Another transaction under this one's info (and events): its hash is not the one bound.
      tampered.set(0, new TransactionToCommit(good.transactions().get(1).transaction(), t0.info(), t0.events()));
      assertInvalid(store, new BlockCommit(good.firstVersion(), tampered, good.stateUpdate(), good.ledgerInfo()));

      LedgerInfoWithSignatures otherLi = blocksLedgerInfoWithRoot(good, HashValue.ZERO);
      assertInvalid(store, new BlockCommit(good.firstVersion(), good.transactions(), good.stateUpdate(), Optional.of(otherLi)));

      assertEquals(latest, store.latestVersion());
      assertEquals(root, store.accumulatorRoot(latest));
      assertTrue(store.stateTree().getNode(io.astraea.ledger.jmt.NodeKey.root(latest + 1)).isEmpty());
      store.commit(good);
      assertEquals(good.lastVersion(), store.latestVersion());
    }
  }

  @Test
  void everyVersionsStateReadsAsItsTreeSaysBeforeAndAfterReopening() throws Exception {
    LedgerFixture fx = new LedgerFixture(29);
    List<HashValue> keys = accountKeys(fx);
    keys.add(io.astraea.crypto.Sha3.hash("block".getBytes()));
    keys.add(io.astraea.crypto.Sha3.hash("never written".getBytes()));
    try (LedgerStore store = LedgerStore.open(dir)) {
      commitBlocks(store, fx, 8, -1);
      assertStateReadsMatchTheTree(store, keys);
    }
    // Reopened, nothing is known without the tree: the same answers from the tree alone.
    try (LedgerStore reopened = LedgerStore.open(dir)) {
      assertStateReadsMatchTheTree(reopened, keys);
      commitBlocks(reopened, fx, 3, -1);
      assertStateReadsMatchTheTree(reopened, keys);
    }
  }

  @Test
  void readsAtTheCommittedVersionWhileBlocksCommitAgreeWithTheTree() throws Exception {
    // The node reads committed state on the consensus thread while the ledger writer commits the
    // next blocks: a read may meet entries recorded for versions it must not see yet.
    LedgerFixture fx = new LedgerFixture(31);
    List<HashValue> keys = accountKeys(fx);
    try (LedgerStore store = LedgerStore.open(dir)) {
      commitBlocks(store, fx, 2, -1);
      java.util.concurrent.atomic.AtomicBoolean done = new java.util.concurrent.atomic.AtomicBoolean();
      java.util.concurrent.atomic.AtomicReference<Throwable> failure = new java.util.concurrent.atomic.AtomicReference<>();
      java.util.concurrent.atomic.AtomicLong reads = new java.util.concurrent.atomic.AtomicLong();
      Thread reader = new Thread(() -> {
        try {
          while (!done.get()) {
            long v = store.latestVersion();
            for (HashValue key : keys) {
              byte[] fast = store.stateValue(key, v).orElse(null);
              byte[] proved = store.stateValueWithProof(key, v).value().orElse(null);
              if (!java.util.Arrays.equals(fast, proved)) {
                throw new AssertionError("key " + key + " at " + v + " reads differently without the tree");
              }
              reads.incrementAndGet();
            }
          }
        } catch (Throwable t) {
          failure.set(t);
        }
      }, "reader");
      reader.start();
      commitBlocks(store, fx, 40, -1);
      done.set(true);
      reader.join();
      if (failure.get() != null) {
        throw new AssertionError(failure.get());
      }
      assertTrue(reads.get() > 0);
    }
  }

  /** The state keys of the fixture's accounts, in a list the caller may extend. */
  private static List<HashValue> accountKeys(LedgerFixture fx) {
    List<HashValue> keys = new ArrayList<>();
    for (int i = 0; i < LedgerFixture.ACCOUNTS; i++) {
      keys.add(StateKeys.accountKey(fx.address(i)));
    }
    return keys;
  }

  /** {@code stateValue} (which may answer without the tree) agrees with the proved read at every version. */
  private static void assertStateReadsMatchTheTree(LedgerStore store, List<HashValue> keys) throws Exception {
    for (long v = 0; v <= store.latestVersion(); v++) {
      for (HashValue key : keys) {
        StateValueWithProof proved = store.stateValueWithProof(key, v);
        SparseMerkleProofVerifier.verify(store.transactionInfo(v).stateRootHash(), key, proved.value(), proved.proof());
        assertArrayEquals(proved.value().orElse(null), store.stateValue(key, v).orElse(null), "key " + key + " at " + v);
      }
    }
  }

  @Test
  void consensusDataAndPruningAndClose() throws Exception {
    LedgerFixture fx = new LedgerFixture(13);
    LedgerStore store = LedgerStore.open(dir);
    List<BlockCommit> blocks = commitBlocks(store, fx, 10, -1);
    long latest = store.latestVersion();
    HashValue key = StateKeys.accountKey(fx.address(3));
    Optional<byte[]> before = store.stateValue(key, latest);
    assertTrue(store.pruneStateTree(5) > 0);
    assertArrayEquals(before.orElse(null), store.stateValue(key, latest).orElse(null));
    // Every version within the window is still readable, with a proof against its info's root.
    for (long v = latest - 5; v <= latest; v++) {
      StateValueWithProof p = store.stateValueWithProof(key, v);
      SparseMerkleProofVerifier.verify(store.transactionInfo(v).stateRootHash(), key, p.value(), p.proof());
    }
    // Block 1's versions are rebuilt on block 0's tree, which the pruner deleted (block 0's own
    // versions apply on the empty tree and stay readable).
    long inBlock1 = blocks.get(1).firstVersion();
    assertTrue(blocks.get(1).lastVersion() <= latest - 5, "the fixture's blocks are longer than expected");
    assertEquals(StorageException.Kind.NOT_FOUND,
        assertThrows(StorageException.class, () -> store.stateValue(key, inBlock1)).kind());

    ConsensusDb c = store.consensus();
    c.saveSafetyData(new byte[] {1, 2, 3});
    HashValue b1 = HashValue.fromHex("aa".repeat(32));
    HashValue b2 = HashValue.fromHex("bb".repeat(32));
    c.saveBlocksAndQuorumCertificates(Map.of(b1, new byte[] {1}, b2, new byte[] {2}), Map.of(b1, new byte[] {9}));
    c.deleteBlocksAndQuorumCertificates(List.of(b2));
    store.close();
    assertEquals(StorageException.Kind.CLOSED,
        assertThrows(StorageException.class, () -> store.transaction(0, false)).kind());

    try (LedgerStore reopened = LedgerStore.open(dir)) {
      assertArrayEquals(new byte[] {1, 2, 3}, reopened.consensus().safetyData().orElseThrow());
      assertEquals(List.of(b1), List.copyOf(reopened.consensus().blocks().keySet()));
      assertArrayEquals(new byte[] {9}, reopened.consensus().quorumCertificates().get(b1));
      assertEquals(latest, reopened.latestVersion());
    }
  }

  private static void assertInvalid(LedgerStore store, BlockCommit c) {
    assertEquals(StorageException.Kind.INVALID_ARGUMENT, assertThrows(StorageException.class, () -> store.commit(c)).kind());
  }

  private static LedgerInfoWithSignatures blocksLedgerInfoWithRoot(BlockCommit c, HashValue root) {
    var li = c.ledgerInfo().orElseThrow().ledgerInfo();
    var ci = li.commitInfo();
    var info = new io.astraea.crypto.quorum.BlockInfo(ci.epoch(), ci.round(), ci.id(), root, ci.version(),
        ci.timestampUsecs(), ci.nextEpochState());
    return LedgerInfoWithSignatures.of(new io.astraea.crypto.quorum.LedgerInfo(info, li.consensusDataHash()), Map.of());
  }
}
