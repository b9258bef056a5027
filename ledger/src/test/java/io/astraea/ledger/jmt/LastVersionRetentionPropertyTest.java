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
import java.util.TreeMap;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * {@link NodeRetention#LAST_VERSION} against {@link NodeRetention#ALL_VERSIONS} over random block
 * histories: the same root for every version, and a batch that holds exactly the last version's
 * new nodes, so that a store fed only such batches still answers every read and proof at each
 * block's last version.
 */
class LastVersionRetentionPropertyTest {

  @Property(tries = 40)
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
      for (StaleNodeIndex s : last.staleNodes()) {
        assertTrue(s.nodeKey().version() < version, "only nodes from before the batch go stale: " + s);
      }
      everyVersion.writeBatch(all);
      lastVersion.writeBatch(last);
      version += txns;
      checkReadsAndProofs(new JellyfishMerkleTree(lastVersion), rnd, keys, model, version - 1);
    }
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
