package io.astraea.ledger.storage;

import io.astraea.ledger.jmt.InternalNode;
import io.astraea.ledger.jmt.Node;
import io.astraea.ledger.jmt.NodeKey;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Bounded, least-recently-used caches of decoded tree nodes. Thread-safe. A node never changes
 * once written under its key, so a cached node is valid until it is pruned ({@link #remove}).
 *
 * <p>Internal nodes and leaves are kept apart so that leaves, which are many and carry their
 * values, cannot push out the upper levels every update walks through. Leaves are worth caching
 * because execution reads an account (its leaf) and the state update then reads the same leaf
 * again to replace it.
 */
final class NodeCache {
  private final Lru internals;
  private final Lru leaves;

  NodeCache(int internalCapacity, int leafCapacity) {
    this.internals = new Lru(internalCapacity);
    this.leaves = new Lru(leafCapacity);
  }

  synchronized Node get(NodeKey key) {
    Node n = internals.get(key);
    return n != null ? n : leaves.get(key);
  }

  /** Caches a node (any non-empty node: the null node of an empty tree is not worth a slot). */
  synchronized void offer(NodeKey key, Node node) {
    if (node instanceof InternalNode) {
      internals.put(key, node);
    } else if (node instanceof io.astraea.ledger.jmt.LeafNode) {
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
  synchronized void update(java.util.Collection<NodeKey> gone, Map<NodeKey, Node> added, java.util.Set<NodeKey> except) {
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
    internals.remove(key);
    leaves.remove(key);
  }

  private static final class Lru extends LinkedHashMap<NodeKey, Node> {
    private final int capacity;

    Lru(int capacity) {
      super(capacity * 4 / 3 + 1, 0.75f, true);
      this.capacity = capacity;
    }

    @Override
    protected boolean removeEldestEntry(Map.Entry<NodeKey, Node> eldest) {
      return size() > capacity;
    }
  }
}
