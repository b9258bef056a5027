package io.astraea.ledger.jmt;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.astraea.crypto.HashValue;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** The tree's roots and proofs against the reference sparse Merkle tree, over random histories. */
class JellyfishMerkleTreePropertyTest {

  /** Builds a history of blocks; after each block checks every version's root against the reference. */
  @Property(tries = 40)
  void everyVersionRootMatchesReference(
      @ForAll long seed,
      @ForAll @IntRange(min = 1, max = 6) int blocks,
      @ForAll @IntRange(min = 1, max = 40) int maxKeysPerTxn)
      throws JmtException {
    Random rnd = new Random(seed);
    InMemoryTreeStore store = new InMemoryTreeStore();
    JellyfishMerkleTree tree = new JellyfishMerkleTree(store);
    TreeMap<HashValue, byte[]> model = new TreeMap<>();
    List<HashValue> keys = new ArrayList<>();
    long version = 0;
    for (int b = 0; b < blocks; b++) {
      int txns = 1 + rnd.nextInt(4);
      List<Map<HashValue, byte[]>> sets = new ArrayList<>();
      List<HashValue> expectedRoots = new ArrayList<>();
      for (int t = 0; t < txns; t++) {
        Map<HashValue, byte[]> set = randomSet(rnd, keys, rnd.nextInt(maxKeysPerTxn + 1));
        sets.add(set);
        model.putAll(set);
        expectedRoots.add(ReferenceSparseMerkleTree.root(model));
      }
      TreeUpdateBatch batch = tree.putValueSets(sets, version);
      store.writeBatch(batch);
      assertEquals(expectedRoots, batch.rootHashes());
      for (int t = 0; t < txns; t++) {
        assertEquals(expectedRoots.get(t), tree.rootHash(version + t));
      }
      version += txns;
    }
    for (Map.Entry<HashValue, byte[]> e : model.entrySet()) {
      assertArrayEquals(e.getValue(), tree.get(e.getKey(), version - 1).orElseThrow());
    }
  }

  /** Large trees: up to 10,000 keys inserted and updated in a few big batches. */
  @Property(tries = 4)
  void largeBatchesMatchReference(@ForAll long seed, @ForAll @IntRange(min = 1000, max = 10_000) int keyCount)
      throws JmtException, ProofException {
    Random rnd = new Random(seed);
    InMemoryTreeStore store = new InMemoryTreeStore();
    JellyfishMerkleTree tree = new JellyfishMerkleTree(store);
    TreeMap<HashValue, byte[]> model = new TreeMap<>();
    List<HashValue> keys = new ArrayList<>();
    Map<HashValue, byte[]> first = randomSet(rnd, keys, keyCount);
    model.putAll(first);
    store.writeBatch(tree.putValueSet(first, 0));
    assertEquals(ReferenceSparseMerkleTree.root(model), tree.rootHash(0));
    Map<HashValue, byte[]> second = randomSet(rnd, keys, keyCount / 3);
    model.putAll(second);
    store.writeBatch(tree.putValueSet(second, 1));
    assertEquals(ReferenceSparseMerkleTree.root(model), tree.rootHash(1));
    HashValue root = tree.rootHash(1);
    for (int i = 0; i < 200; i++) {
      HashValue k = keys.get(rnd.nextInt(keys.size()));
      StateValueWithProof p = tree.getWithProof(k, 1);
      assertArrayEquals(model.get(k), p.value().orElseThrow());
      SparseMerkleProofVerifier.verify(root, k, p.value(), p.proof());
    }
  }

  /** Every present key's membership proof and many absent keys' non-membership proofs verify. */
  @Property(tries = 30)
  void everyProofVerifies(@ForAll long seed, @ForAll @IntRange(min = 0, max = 300) int keyCount)
      throws JmtException, ProofException {
    Random rnd = new Random(seed);
    InMemoryTreeStore store = new InMemoryTreeStore();
    JellyfishMerkleTree tree = new JellyfishMerkleTree(store);
    List<HashValue> keys = new ArrayList<>();
    TreeMap<HashValue, byte[]> v0 = new TreeMap<>(randomSet(rnd, keys, keyCount));
    store.writeBatch(tree.putValueSet(v0, 0));
    TreeMap<HashValue, byte[]> delta = new TreeMap<>(randomSet(rnd, keys, keyCount / 2 + 1));
    store.writeBatch(tree.putValueSet(delta, 1));
    TreeMap<HashValue, byte[]> v1 = new TreeMap<>(v0);
    v1.putAll(delta);

    checkAllProofs(tree, rnd, keys, v0, 0);
    checkAllProofs(tree, rnd, keys, v1, 1);
  }

  private static void checkAllProofs(
      JellyfishMerkleTree tree, Random rnd, List<HashValue> keys, TreeMap<HashValue, byte[]> state, long version)
      throws JmtException, ProofException {
    HashValue root = tree.rootHash(version);
    assertEquals(ReferenceSparseMerkleTree.root(state), root);
    for (Map.Entry<HashValue, byte[]> e : state.entrySet()) {
      StateValueWithProof p = tree.getWithProof(e.getKey(), version);
      assertArrayEquals(e.getValue(), p.value().orElseThrow());
      SparseMerkleProofVerifier.verify(root, e.getKey(), Optional.of(e.getValue()), p.proof());
      // The proof-free read walks the same nodes to the same value.
      assertArrayEquals(e.getValue(), tree.get(e.getKey(), version).orElseThrow());
    }
    for (int i = 0; i < 50; i++) {
      HashValue absent = KeyGen.next(rnd, keys);
      if (state.containsKey(absent)) {
        continue;
      }
      StateValueWithProof p = tree.getWithProof(absent, version);
      assertTrue(p.value().isEmpty());
      assertTrue(tree.get(absent, version).isEmpty());
      SparseMerkleProofVerifier.verify(root, absent, Optional.empty(), p.proof());
    }
  }

  static Map<HashValue, byte[]> randomSet(Random rnd, List<HashValue> keys, int size) {
    Map<HashValue, byte[]> set = new TreeMap<>();
    Set<HashValue> known = new HashSet<>(keys);
    for (int i = 0; i < size; i++) {
      HashValue k = !keys.isEmpty() && rnd.nextInt(3) == 0 ? keys.get(rnd.nextInt(keys.size())) : KeyGen.next(rnd, keys);
      if (known.add(k)) {
        keys.add(k);
      }
      set.put(k, KeyGen.value(rnd));
    }
    return set;
  }
}
