package io.astraea.ledger.storage;

import io.astraea.ledger.jmt.InternalNode;
import io.astraea.ledger.jmt.LeafNode;
import io.astraea.ledger.jmt.Node;
import io.astraea.ledger.jmt.NodeKey;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Bounded, least-recently-used caches of decoded tree nodes, each bounded by the approximate heap
 * its nodes take: an internal node's size grows with its children (a node near the root has all
 * sixteen, one near the leaves often two), a leaf's with its value. Thread-safe. A node never
 * changes once written under its key, so a cached node is valid until it is pruned ({@link #remove}).
 *
 * <p>Internal nodes and leaves are kept apart so that leaves, which are many and carry their
 * values, cannot push out the upper levels every update walks through. Leaves are worth caching
 * because execution reads an account (its leaf) and the state update then reads the same leaf
 * again to replace it.
 */
final class NodeCache {
  /** What a cached leaf costs besides its value: the node, its key and value hashes, the map entry. */
  static final int LEAF_OVERHEAD_BYTES = 240;
  /** What a cached internal node costs besides its children: the node, its two arrays, the map entry and key. */
  static final int INTERNAL_OVERHEAD_BYTES = 240;
  /**
   * What each child adds: its entry and hash (about 96 bytes) and, once computed, about one
   * binary range hash (64 bytes). A full node comes to about 2.8 KB, close to what a heap dump shows.
   */
  static final int INTERNAL_BYTES_PER_CHILD = 160;

  private final Lru internals;
  private final Lru leaves;

  /**
   * At most {@code internalBytes} of internal nodes (by {@link #internalWeight}) and {@code
   * leafBytes} of leaves (by {@link #leafWeight}).
   */
  NodeCache(long internalBytes, long leafBytes) {
    this.internals = new Lru(internalBytes);
    this.leaves = new Lru(leafBytes);
  }

  /** The approximate heap a cached leaf takes. */
  static long leafWeight(LeafNode leaf) {
    return LEAF_OVERHEAD_BYTES + leaf.valueLength();
  }

  /** The approximate heap a cached internal node takes. */
  static long internalWeight(InternalNode node) {
    return INTERNAL_OVERHEAD_BYTES + (long) INTERNAL_BYTES_PER_CHILD * Integer.bitCount(node.existenceBitmap());
  }

  private static long weight(Node node) {
    return node instanceof LeafNode leaf ? leafWeight(leaf) : internalWeight((InternalNode) node);
  }

  synchronized Node get(NodeKey key) {
    Node n = internals.get(key);
    return n != null ? n : leaves.get(key);
  }

  /** Caches a node (any non-empty node: the null node of an empty tree is not worth a slot). */
  synchronized void offer(NodeKey key, Node node) {
    if (node instanceof InternalNode) {
      internals.put(key, node);
    } else if (node instanceof LeafNode) {
      leaves.put(key, node);
    }
  }

  /**
   * After a write: drops the nodes the write replaced ({@code gone}: no longer in the latest tree,
   * so only reads of older versions could want them, and those can go to disk) and caches every
   * node of {@code added} not in {@code except}, under one lock. Without the first step the
   * replaced nodes would hold their slots until the least-recently-used order pushed them out,
   * crowding out the live tree.
   */
  synchronized void update(Collection<NodeKey> gone, Map<NodeKey, Node> added, Set<NodeKey> except) {
    for (NodeKey k : gone) {
      remove(k);
    }
    for (Map.Entry<NodeKey, Node> e : added.entrySet()) {
      if (!except.contains(e.getKey())) {
        offer(e.getKey(), e.getValue());
      }
    }
  }

  synchronized void remove(NodeKey key) {
    // A key is in one of the two at most; a commit removes thousands, so probe the second only if needed.
    if (!internals.remove(key)) {
      leaves.remove(key);
    }
  }

  /** Least-recently-used order, bounded by the total {@link #weight} of its nodes. */
  private static final class Lru {
    private final LinkedHashMap<NodeKey, Node> map = new LinkedHashMap<>(1024, 0.75f, true);
    private final long budget;
    private long total;

    Lru(long budget) {
      this.budget = budget;
    }

    Node get(NodeKey key) {
      return map.get(key);
    }

    void put(NodeKey key, Node node) {
      Node old = map.put(key, node);
      total += weight(node) - (old == null ? 0 : weight(old));
      Iterator<Node> eldest = map.values().iterator();
      while (total > budget && eldest.hasNext()) {
        total -= weight(eldest.next());
        eldest.remove();
      }
    }

    /** Whether the key was cached. */
    boolean remove(NodeKey key) {
      Node old = map.remove(key);
      if (old == null) {
        return false;
      }
      total -= weight(old);
      return true;
    }
  }
}
