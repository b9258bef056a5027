package io.astraea.ledger.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.astraea.crypto.HashValue;
import io.astraea.ledger.jmt.Child;
import io.astraea.ledger.jmt.InternalNode;
import io.astraea.ledger.jmt.LeafNode;
import io.astraea.ledger.jmt.NibblePath;
import io.astraea.ledger.jmt.NodeKey;
import io.astraea.ledger.jmt.NullNode;
import org.junit.jupiter.api.Test;

/** Leaves and internal nodes have separate bounds, so a burst of leaves keeps the upper levels. */
class NodeCacheTest {
  private static HashValue key(int i) {
    byte[] b = new byte[HashValue.LENGTH];
    b[0] = (byte) (i >> 8);
    b[1] = (byte) i;
    return HashValue.wrap(b);
  }

  private static InternalNode internal() {
    Child[] children = new Child[16];
    children[3] = new Child(key(1), 0, true);
    children[9] = new Child(key(2), 0, true);
    return new InternalNode(children);
  }

  @Test
  void leavesDoNotEvictInternalNodes() {
    // Room for three one-byte leaves.
    NodeCache cache = new NodeCache(2 * NodeCache.internalWeight(internal()), 3 * (NodeCache.LEAF_OVERHEAD_BYTES + 1));
    NodeKey root = NodeKey.root(7);
    InternalNode node = internal();
    cache.offer(root, node);
    for (int i = 0; i < 10; i++) {
      cache.offer(new NodeKey(8, NibblePath.EMPTY.child(i)), new LeafNode(key(i), new byte[] {(byte) i}));
    }
    assertSame(node, cache.get(root));
    // Only the three most recent leaves remain.
    assertNull(cache.get(new NodeKey(8, NibblePath.EMPTY.child(6))));
    LeafNode last = (LeafNode) cache.get(new NodeKey(8, NibblePath.EMPTY.child(9)));
    assertEquals(key(9), last.accountKey());
  }

  @Test
  void leavesAreBoundedByTheirSizeNotTheirNumber() {
    long budget = 10 * (NodeCache.LEAF_OVERHEAD_BYTES + 100);
    NodeCache cache = new NodeCache(2 * NodeCache.internalWeight(internal()), budget);
    NodeKey big = new NodeKey(1, NibblePath.EMPTY.child(0));
    LeafNode bigLeaf = new LeafNode(key(100), new byte[(int) budget - NodeCache.LEAF_OVERHEAD_BYTES - 1]);
    cache.offer(big, bigLeaf);
    assertSame(bigLeaf, cache.get(big));
    // One small leaf more and the big one (least recently used) no longer fits.
    NodeKey small = new NodeKey(2, NibblePath.EMPTY.child(1));
    cache.offer(small, new LeafNode(key(101), new byte[100]));
    assertNull(cache.get(big));
    assertEquals(key(101), ((LeafNode) cache.get(small)).accountKey());
    // Ten small leaves fit together; an eleventh pushes out the oldest.
    NibblePath below = NibblePath.EMPTY.child(5);
    for (int i = 0; i < 10; i++) {
      cache.offer(new NodeKey(3, below.child(i)), new LeafNode(key(i), new byte[100]));
    }
    assertNull(cache.get(small));
    for (int i = 0; i < 10; i++) {
      assertEquals(key(i), ((LeafNode) cache.get(new NodeKey(3, below.child(i)))).accountKey());
    }
    // Replacing a cached leaf under the same key does not count it twice.
    cache.offer(new NodeKey(3, below.child(0)), new LeafNode(key(0), new byte[100]));
    assertEquals(key(1), ((LeafNode) cache.get(new NodeKey(3, below.child(1)))).accountKey());
  }

  @Test
  void internalNodesAreBoundedByTheirSize() {
    Child[] all = new Child[16];
    for (int i = 0; i < 16; i++) {
      all[i] = new Child(key(i), 0, true);
    }
    InternalNode full = new InternalNode(all);
    InternalNode small = internal();
    assertEquals(NodeCache.INTERNAL_OVERHEAD_BYTES + 16 * NodeCache.INTERNAL_BYTES_PER_CHILD, NodeCache.internalWeight(full));
    // Room for one full node, or for several two-child nodes.
    NodeCache cache = new NodeCache(NodeCache.internalWeight(full), 1 << 20);
    cache.offer(NodeKey.root(1), full);
    assertSame(full, cache.get(NodeKey.root(1)));
    cache.offer(new NodeKey(1, NibblePath.EMPTY.child(2)), small);
    assertNull(cache.get(NodeKey.root(1)), "the full node no longer fits beside another");
    for (int n = 3; n < 6; n++) {
      cache.offer(new NodeKey(1, NibblePath.EMPTY.child(n)), internal());
    }
    for (int n = 2; n < 6; n++) {
      assertEquals(small, cache.get(new NodeKey(1, NibblePath.EMPTY.child(n))));
    }
  }

  @Test
  void prunedNodesAreForgottenAndNullNodesNeverCached() {
    NodeCache cache = new NodeCache(2 * NodeCache.internalWeight(internal()), 1 << 20);
    NodeKey k = NodeKey.root(1);
    cache.offer(k, internal());
    cache.remove(k);
    assertNull(cache.get(k));
    NodeKey leafKey = new NodeKey(1, NibblePath.EMPTY.child(4));
    cache.offer(leafKey, new LeafNode(key(4), new byte[] {4}));
    cache.remove(leafKey);
    assertNull(cache.get(leafKey));
    cache.offer(NodeKey.root(2), NullNode.INSTANCE);
    assertNull(cache.get(NodeKey.root(2)));
  }

  @Test
  void anUpdateDisplacesTheReplacedNodesAndCachesTheNewOnes() {
    // Room for two small internal nodes: the replaced root must not take a slot of its own.
    NodeCache cache = new NodeCache(2 * NodeCache.internalWeight(internal()), 1 << 20);
    NodeKey oldRoot = NodeKey.root(1);
    NodeKey child = new NodeKey(1, NibblePath.EMPTY.child(7));
    NodeKey newRoot = NodeKey.root(2);
    NodeKey skipped = new NodeKey(2, NibblePath.EMPTY.child(1));
    cache.offer(oldRoot, internal());
    InternalNode childNode = internal();
    cache.offer(child, childNode);
    InternalNode fresh = internal();
    cache.update(java.util.Map.of(newRoot, fresh, skipped, internal()), java.util.Set.of(skipped));
    assertNull(cache.get(oldRoot));
    assertSame(fresh, cache.get(newRoot));
    assertNull(cache.get(skipped));
    assertSame(childNode, cache.get(child), "the new root displaced the old one, not the child beside it");
  }

  @Test
  void anOlderNodeNeitherDisplacesNorRemovesTheNewerOne() {
    NodeCache cache = new NodeCache(4 * NodeCache.internalWeight(internal()), 1 << 20);
    NibblePath path = NibblePath.EMPTY.child(3);
    InternalNode newer = internal();
    cache.offer(new NodeKey(9, path), newer);
    // A read at an older version found this older node on disk.
    cache.offer(new NodeKey(4, path), internal());
    assertSame(newer, cache.get(new NodeKey(9, path)));
    assertNull(cache.get(new NodeKey(4, path)), "only the newest node of a path is cached");
    // Pruning the older node leaves the newer one.
    cache.remove(new NodeKey(4, path));
    assertSame(newer, cache.get(new NodeKey(9, path)));
    cache.remove(new NodeKey(9, path));
    assertNull(cache.get(new NodeKey(9, path)));
  }

  @Test
  void aLeafSplitIntoAnInternalNodeAnswersBothKeys() {
    NodeCache cache = new NodeCache(4 * NodeCache.internalWeight(internal()), 1 << 20);
    NibblePath path = NibblePath.EMPTY.child(6);
    LeafNode leaf = new LeafNode(key(6), new byte[] {6});
    cache.offer(new NodeKey(2, path), leaf);
    InternalNode split = internal();
    cache.update(java.util.Map.of(new NodeKey(5, path), split), java.util.Set.of());
    assertSame(split, cache.get(new NodeKey(5, path)));
    // Nodes never change under their key, so the replaced leaf is still a right answer for its own.
    assertSame(leaf, cache.get(new NodeKey(2, path)));
  }
}
