package io.astraea.ledger.jmt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.astraea.crypto.HashValue;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class JellyfishMerkleTreeTest {
  private static final HashValue A = HashValue.fromHex("1" + "0".repeat(63));
  private static final HashValue B = HashValue.fromHex("1" + "0".repeat(62) + "1");

  @Test
  void emptyValueSetsStillGiveEveryVersionARoot() throws Exception {
    InMemoryTreeStore store = new InMemoryTreeStore();
    JellyfishMerkleTree tree = new JellyfishMerkleTree(store);
    TreeUpdateBatch batch = tree.putValueSets(List.of(Map.of(), Map.of(A, new byte[] {1}), Map.of()), 0);
    store.writeBatch(batch);
    assertEquals(JmtHashing.PLACEHOLDER, tree.rootHash(0));
    assertEquals(tree.rootHash(1), tree.rootHash(2));
    assertEquals(JmtHashing.leaf(A, JmtHashing.value(new byte[] {1})), tree.rootHash(1));
    SparseMerkleProof empty = tree.getWithProof(A, 0).proof();
    assertTrue(empty.leaf().isEmpty());
    assertTrue(empty.siblings().isEmpty());
  }

  @Test
  void keysDifferingOnlyInTheLastBitBuildAFullDepthChain() throws Exception {
    InMemoryTreeStore store = new InMemoryTreeStore();
    JellyfishMerkleTree tree = new JellyfishMerkleTree(store);
    store.writeBatch(tree.putValueSet(Map.of(A, new byte[] {1}), 0));
    store.writeBatch(tree.putValueSet(Map.of(B, new byte[] {2}), 1));
    TreeMap<HashValue, byte[]> state = new TreeMap<>(Map.of(A, new byte[] {1}, B, new byte[] {2}));
    HashValue root = tree.rootHash(1);
    assertEquals(ReferenceSparseMerkleTree.root(state), root);
    StateValueWithProof p = tree.getWithProof(B, 1);
    assertEquals(256, p.proof().siblings().size());
    SparseMerkleProofVerifier.verify(root, B, Optional.of(new byte[] {2}), p.proof());
    // the old leaf at the root of version 0 and the old root are stale since version 1
    assertTrue(store.staleCount() >= 1);
  }

  @Test
  void overlayReadsAnUncommittedBatch() throws Exception {
    InMemoryTreeStore store = new InMemoryTreeStore();
    JellyfishMerkleTree tree = new JellyfishMerkleTree(store);
    TreeUpdateBatch first = tree.putValueSet(Map.of(A, new byte[] {1}), 0);
    TreeUpdateBatch second =
        new JellyfishMerkleTree(new OverlayTreeReader(store, first)).putValueSet(Map.of(B, new byte[] {2}), 1);
    store.writeBatch(first);
    store.writeBatch(second);
    TreeUpdateBatch direct = new JellyfishMerkleTree(new InMemoryTreeStore())
        .putValueSets(List.of(Map.of(A, new byte[] {1}), Map.of(B, new byte[] {2})), 0);
    assertEquals(direct.lastRootHash(), tree.rootHash(1));
  }

  @Test
  void invalidRequestsAreTyped() {
    JellyfishMerkleTree tree = new JellyfishMerkleTree(new InMemoryTreeStore());
    assertEquals(JmtException.Kind.INVALID_REQUEST,
        assertThrows(JmtException.class, () -> tree.putValueSets(List.of(), 0)).kind());
    assertEquals(JmtException.Kind.MISSING_NODE,
        assertThrows(JmtException.class, () -> tree.putValueSet(Map.of(A, new byte[0]), 5)).kind());
    assertEquals(JmtException.Kind.MISSING_NODE,
        assertThrows(JmtException.class, () -> tree.rootHash(0)).kind());
    Map<HashValue, byte[]> withNull = new java.util.HashMap<>();
    withNull.put(A, null);
    assertEquals(JmtException.Kind.INVALID_REQUEST,
        assertThrows(JmtException.class, () -> tree.putValueSet(withNull, 0)).kind());
  }
}
