package io.astraea.ledger.jmt;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.astraea.crypto.HashValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class StaleNodePrunerTest {

  @Test
  void pruningKeepsTheWindowReadableAndDropsOlderVersions() throws Exception {
    Random rnd = new Random(7);
    InMemoryTreeStore store = new InMemoryTreeStore();
    JellyfishMerkleTree tree = new JellyfishMerkleTree(store);
    List<HashValue> keys = new ArrayList<>();
    List<TreeMap<HashValue, byte[]>> states = new ArrayList<>();
    TreeMap<HashValue, byte[]> model = new TreeMap<>();
    for (long v = 0; v < 60; v++) {
      Map<HashValue, byte[]> set = JellyfishMerkleTreePropertyTest.randomSet(rnd, keys, 1 + rnd.nextInt(20));
      model.putAll(set);
      states.add(new TreeMap<>(model));
      store.writeBatch(tree.putValueSet(set, v));
    }
    int before = store.nodeCount();
    StaleNodePruner pruner = new StaleNodePruner(store, 10);
    long deleted = pruner.prune(59);
    assertTrue(deleted > 0);
    assertEquals(before - deleted, store.nodeCount());
    assertEquals(0, pruner.prune(59), "a second run finds nothing more");

    for (long v = 49; v < 60; v++) {
      TreeMap<HashValue, byte[]> state = states.get((int) v);
      HashValue root = tree.rootHash(v);
      assertEquals(ReferenceSparseMerkleTree.root(state), root);
      for (Map.Entry<HashValue, byte[]> e : state.entrySet()) {
        StateValueWithProof p = tree.getWithProof(e.getKey(), v);
        assertArrayEquals(e.getValue(), p.value().orElseThrow());
        SparseMerkleProofVerifier.verify(root, e.getKey(), Optional.of(e.getValue()), p.proof());
      }
    }
    JmtException e = assertThrows(JmtException.class, () -> tree.rootHash(48));
    assertEquals(JmtException.Kind.MISSING_NODE, e.kind());
  }

  @Test
  void defaultWindowIsOneMillionVersionsAndNothingIsPrunedBeforeIt() throws Exception {
    InMemoryTreeStore store = new InMemoryTreeStore();
    JellyfishMerkleTree tree = new JellyfishMerkleTree(store);
    store.writeBatch(tree.putValueSet(Map.of(HashValue.ZERO, new byte[] {1}), 0));
    store.writeBatch(tree.putValueSet(Map.of(HashValue.ZERO, new byte[] {2}), 1));
    StaleNodePruner pruner = new StaleNodePruner(store);
    assertEquals(1_000_000L, pruner.window());
    assertEquals(0, pruner.prune(1));
    assertEquals(0, pruner.prune(999_999));
    assertEquals(1, pruner.prune(1_000_001));
    assertArrayEquals(new byte[] {2}, tree.get(HashValue.ZERO, 1).orElseThrow());
  }
}
