package io.astraea.ledger.jmt;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.astraea.crypto.HashValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * {@link NodeRetention#LAST_VERSION} against {@link NodeRetention#ALL_VERSIONS} over random block
 * histories: the same root for every version, a batch that holds exactly the last version's new
 * nodes and makes stale exactly the stored nodes the block replaced, so that a store fed only such batches still answers every read and proof at each
 * block's last version.
 */
class LastVersionRetentionPropertyTest {

  @Property(tries = 100)
  void keepsExactlyTheLastVersionsTree(
      @ForAll long seed,
      @ForAll @IntRange(min = 1, max = 6) int blocks,
      @ForAll @IntRange(min = 1, max = 30) int maxKeysPerTxn)
      throws JmtException, ProofException {
    Random rnd = new Random(seed);
    InMemoryTreeStore everyVersion = new InMemoryTreeStore();
    InMemoryTreeStore lastVersion = new InMemoryTreeStore();
    TreeMap<HashValue, byte[]> model = new TreeMap<>();
    List<HashValue> keys = new ArrayList<>();
    long version = 0;
    for (int b = 0; b < blocks; b++) {
      int txns = 1 + rnd.nextInt(6);
      List<Map<HashValue, byte[]>> sets = new ArrayList<>();
      for (int t = 0; t < txns; t++) {
        // Empty sets too: a version that writes nothing still gets its own root.
        Map<HashValue, byte[]> set = JellyfishMerkleTreePropertyTest.randomSet(rnd, keys, rnd.nextInt(maxKeysPerTxn + 1));
        sets.add(set);
        model.putAll(set);
      }
      TreeUpdateBatch all = new JellyfishMerkleTree(everyVersion).putValueSets(sets, version, NodeRetention.ALL_VERSIONS);
      TreeUpdateBatch last = new JellyfishMerkleTree(lastVersion).putValueSets(sets, version, NodeRetention.LAST_VERSION);
      assertEquals(all.rootHashes(), last.rootHashes());
      assertEquals(ReferenceSparseMerkleTree.root(model), last.lastRootHash());
      assertEquals(reachableNewNodes(all, everyVersion), last.newNodes());
      assertSameStaleNodes(storedNodesMadeStale(all), last);
      everyVersion.writeBatch(all);
      lastVersion.writeBatch(last);
      version += txns;
      checkReadsAndProofs(new JellyfishMerkleTree(lastVersion), rnd, keys, model, version - 1);
    }
  }

  /**
   * Blocks shaped like the node's: hundreds of versions of a few keys each (a transfer's sender,
   * payee and fee account, one key in every version) over a tree of thousands of keys.
   */
  @Property(tries = 5)
  void blocksOfTransfersOverALargeTree(@ForAll long seed) throws JmtException {
    Random rnd = new Random(seed);
    InMemoryTreeStore everyVersion = new InMemoryTreeStore();
    InMemoryTreeStore lastVersion = new InMemoryTreeStore();
    List<HashValue> keys = new ArrayList<>();
    Map<HashValue, byte[]> genesis = JellyfishMerkleTreePropertyTest.randomSet(rnd, keys, 3_000);
    TreeUpdateBatch first = new JellyfishMerkleTree(everyVersion).putValueSet(genesis, 0);
    everyVersion.writeBatch(first);
    lastVersion.writeBatch(first);
    HashValue shared = keys.get(0);
    long version = 1;
    for (int b = 0; b < 3; b++) {
      List<Map<HashValue, byte[]>> sets = new ArrayList<>();
      for (int t = 0; t < 300; t++) {
        Map<HashValue, byte[]> set = JellyfishMerkleTreePropertyTest.randomSet(rnd, keys, 2);
        set.put(shared, KeyGen.value(rnd));
        sets.add(set);
      }
      TreeUpdateBatch all = new JellyfishMerkleTree(everyVersion).putValueSets(sets, version, NodeRetention.ALL_VERSIONS);
      TreeUpdateBatch last = new JellyfishMerkleTree(lastVersion).putValueSets(sets, version, NodeRetention.LAST_VERSION);
      assertEquals(all.rootHashes(), last.rootHashes());
      assertEquals(reachableNewNodes(all, everyVersion), last.newNodes());
      assertSameStaleNodes(storedNodesMadeStale(all), last);
      everyVersion.writeBatch(all);
      lastVersion.writeBatch(last);
      version += sets.size();
    }
  }

  /**
   * The stale entries of an every-version batch for nodes stored before it: a checkpoint batch
   * must report exactly these (its own superseded nodes are never stored, so never stale).
   */
  /** The batch lists exactly {@code expected}, each node once. */
  private static void assertSameStaleNodes(SortedSet<StaleNodeIndex> expected, TreeUpdateBatch batch) {
    assertEquals(expected, new TreeSet<>(batch.staleNodes()));
    assertEquals(expected.size(), batch.staleNodes().size(), "a stale node listed twice");
  }

  private static SortedSet<StaleNodeIndex> storedNodesMadeStale(TreeUpdateBatch all) {
    TreeSet<StaleNodeIndex> out = new TreeSet<>();
    for (StaleNodeIndex s : all.staleNodes()) {
      if (s.nodeKey().version() < all.firstVersion()) {
        out.add(s);
      }
    }
    return out;
  }

  /** The nodes of {@code batch} that the tree at its last version still uses. */
  private static SortedMap<NodeKey, Node> reachableNewNodes(TreeUpdateBatch batch, TreeReader before) throws JmtException {
    TreeReader after = new OverlayTreeReader(before, batch);
    TreeMap<NodeKey, Node> out = new TreeMap<>();
    List<NodeKey> pending = new ArrayList<>(List.of(NodeKey.root(batch.lastVersion())));
    while (!pending.isEmpty()) {
      NodeKey k = pending.remove(pending.size() - 1);
      Node n = after.getNodeOrThrow(k);
      if (k.version() >= batch.firstVersion()) {
        out.put(k, n);
      }
      if (n instanceof InternalNode in) {
        for (int i = 0; i < 16; i++) {
          Child c = in.childOrNull(i);
          if (c != null) {
            pending.add(k.childKey(c.version(), i));
          }
        }
      }
    }
    return out;
  }

  private static void checkReadsAndProofs(
      JellyfishMerkleTree tree, Random rnd, List<HashValue> keys, TreeMap<HashValue, byte[]> state, long version)
      throws JmtException, ProofException {
    HashValue root = tree.rootHash(version);
    for (Map.Entry<HashValue, byte[]> e : state.entrySet()) {
      StateValueWithProof p = tree.getWithProof(e.getKey(), version);
      assertArrayEquals(e.getValue(), p.value().orElseThrow());
      SparseMerkleProofVerifier.verify(root, e.getKey(), Optional.of(e.getValue()), p.proof());
    }
    for (int i = 0; i < 20; i++) {
      HashValue absent = KeyGen.next(rnd, keys);
      if (!state.containsKey(absent)) {
        StateValueWithProof p = tree.getWithProof(absent, version);
        assertTrue(p.value().isEmpty());
        SparseMerkleProofVerifier.verify(root, absent, Optional.empty(), p.proof());
      }
    }
  }
}
