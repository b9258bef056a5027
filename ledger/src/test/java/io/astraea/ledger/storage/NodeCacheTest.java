package io.astraea.ledger.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.astraea.crypto.HashValue;
import io.astraea.ledger.jmt.Child;
import io.astraea.ledger.jmt.InternalNode;
import io.astraea.ledger.jmt.LeafNode;
import io.astraea.ledger.jmt.NibblePath;
import io.astraea.ledger.jmt.NodeKey;
import io.astraea.ledger.jmt.NullNode;
import org.junit.jupiter.api.Test;

/**
 * Leaves and internal nodes have separate bounds, so a burst of leaves keeps the upper levels; each
 * bound holds by size; eviction spares nodes read since the last sweep.
 */
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

  private static NodeKey leafKey(int version, int i) {
    return new NodeKey(version, NibblePath.EMPTY.child(i >> 4).child(i & 15));
  }

  /** How many of the leaves {@code leafKey(version, 0..count)} are cached. */
  private static int cachedLeaves(NodeCache cache, int version, int count) {
    int n = 0;
    for (int i = 0; i < count; i++) {
      if (cache.get(leafKey(version, i)) != null) {
        n++;
      }
    }
    return n;
  }

  @Test
  void leavesDoNotEvictInternalNodes() {
    // Room for three one-byte leaves.
    NodeCache cache = new NodeCache(2 * NodeCache.internalWeight(internal()), 3 * (NodeCache.LEAF_OVERHEAD_BYTES + 1));
    NodeKey root = NodeKey.root(7);
    InternalNode node = internal();
    cache.offer(root, node);
    for (int i = 0; i < 10; i++) {
      cache.offer(leafKey(8, i), new LeafNode(key(i), new byte[] {(byte) i}));
    }
    assertSame(node, cache.get(root));
    assertEquals(3, cachedLeaves(cache, 8, 10), "the leaves fill their own bound, no more");
  }

  @Test
  void leavesAreBoundedByTheirSizeNotTheirNumber() {
    long budget = 10 * (NodeCache.LEAF_OVERHEAD_BYTES + 100);
    NodeCache cache = new NodeCache(2 * NodeCache.internalWeight(internal()), budget);
    NodeKey big = new NodeKey(1, NibblePath.EMPTY.child(0).child(0).child(0));
    LeafNode bigLeaf = new LeafNode(key(100), new byte[(int) budget - NodeCache.LEAF_OVERHEAD_BYTES - 1]);
    cache.offer(big, bigLeaf);
    assertSame(bigLeaf, cache.get(big));
    // One small leaf more and the two no longer fit: one of them goes.
    NodeKey small = new NodeKey(2, NibblePath.EMPTY.child(1).child(0).child(0));
    cache.offer(small, new LeafNode(key(101), new byte[100]));
    assertTrue(cache.get(big) == null || cache.get(small) == null);
    // Ten small leaves fit together, and then the big one cannot be among them.
    for (int i = 0; i < 40; i++) {
      cache.offer(leafKey(3, i), new LeafNode(key(i), new byte[100]));
    }
    assertNull(cache.get(big));
    assertEquals(10, cachedLeaves(cache, 3, 40) + (cache.get(small) == null ? 0 : 1));
    // Replacing a cached leaf under the same key does not count it twice.
    for (int i = 0; i < 40; i++) {
      if (cache.get(leafKey(3, i)) != null) {
        cache.offer(leafKey(3, i), new LeafNode(key(i), new byte[100]));
      }
    }
    assertEquals(10, cachedLeaves(cache, 3, 40) + (cache.get(small) == null ? 0 : 1));
  }

  /** Room for three one-byte leaves, holding leaves 0 to 3 of version 1: one was evicted. */
  private static NodeCache threeOfFourLeaves() {
    NodeCache cache = new NodeCache(2 * NodeCache.internalWeight(internal()), 3 * (NodeCache.LEAF_OVERHEAD_BYTES + 1));
    for (int i = 0; i < 4; i++) {
      cache.offer(leafKey(1, i), new LeafNode(key(i), new byte[] {(byte) i}));
    }
    return cache;
  }

  @Test
  void aNodeReadSinceTheLastSweepOutlivesTheNextEviction() {
    // The fourth leaf made the first sweep: it passed every node once, unmarking them all (a node
    // is marked when cached), and then evicted the first one of its second pass. The three left
    // are unmarked, and the sweep stands just past the evicted one. Which three is fixed by the
    // map's order, the same in every cache filled alike; find them in a cache of their own.
    NodeCache probe = threeOfFourLeaves();
    java.util.List<Integer> present = new java.util.ArrayList<>();
    for (int i = 0; i < 4; i++) {
      if (probe.get(leafKey(1, i)) != null) {
        present.add(i);
      }
    }
    assertEquals(3, present.size());
    // Whichever of the three is read, and only it, the next eviction passes it by; without the
    // mark, the one the sweep reaches first would go.
    for (int survivor : present) {
      NodeCache cache = threeOfFourLeaves();
      assertNotNull(cache.get(leafKey(1, survivor)));
      cache.offer(leafKey(1, 4), new LeafNode(key(4), new byte[] {4}));
      assertNotNull(cache.get(leafKey(1, survivor)), "leaf " + survivor + ", read since the last sweep, was evicted");
      assertEquals(3, cachedLeaves(cache, 1, 5));
    }
  }

  @Test
  void internalNodesAreBoundedByTheirSize() {
    Child[] all = new Child[16];
    for (int i = 0; i < 16; i++) {
      all[i] = new Child(key(i), 0, true);
    }
    InternalNode full = new InternalNode(all);
    InternalNode small = internal();
    // Sixteen leaves: each child's hash and version, and all fifteen binary ranges hashed.
    assertEquals(NodeCache.INTERNAL_OVERHEAD_BYTES + 8 * (16 * 5 + 15 * 4), NodeCache.internalWeight(full));
    // Two leaves in different halves: the whole node is hashed, each half lifts its leaf.
    assertEquals(NodeCache.INTERNAL_OVERHEAD_BYTES + 8 * (2 * 5 + 4), NodeCache.internalWeight(small));
    // Room for one full node, or for several two-child nodes.
    NodeCache cache = new NodeCache(NodeCache.internalWeight(full), 1 << 20);
    cache.offer(NodeKey.root(1), full);
    assertSame(full, cache.get(NodeKey.root(1)));
    cache.offer(new NodeKey(1, NibblePath.EMPTY.child(2)), small);
    assertTrue(cache.get(NodeKey.root(1)) == null || cache.get(new NodeKey(1, NibblePath.EMPTY.child(2))) == null,
        "the full node does not fit beside another");
    long fit = NodeCache.internalWeight(full) / NodeCache.internalWeight(small);
    for (int n = 0; n < 16; n++) {
      cache.offer(new NodeKey(1, NibblePath.EMPTY.child(n).child(0)), internal());
    }
    int cached = 0;
    for (int n = 0; n < 16; n++) {
      if (cache.get(new NodeKey(1, NibblePath.EMPTY.child(n).child(0))) != null) {
        cached++;
      }
    }
    assertEquals(fit, cached, "as many small nodes as fit in the bound");
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
    cache.update(java.util.Map.of(newRoot, fresh, skipped, internal()), java.util.Set.of(skipped), true);
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
    cache.update(java.util.Map.of(new NodeKey(5, path), split), java.util.Set.of(), true);
    assertSame(split, cache.get(new NodeKey(5, path)));
    // Nodes never change under their key, so the replaced leaf is still a right answer for its own.
    assertSame(leaf, cache.get(new NodeKey(2, path)));
  }

  @Test
  void anUpdateWithoutLeavesCachesOnlyInternalNodes() {
    NodeCache cache = new NodeCache(4 * NodeCache.internalWeight(internal()), 1 << 20);
    NodeKey root = NodeKey.root(3);
    InternalNode node = internal();
    NodeKey leafAt = leafKey(3, 5);
    cache.update(java.util.Map.of(root, node, leafAt, new LeafNode(key(5), new byte[] {5})), java.util.Set.of(), false);
    assertSame(node, cache.get(root));
    assertNull(cache.get(leafAt));
  }
}
