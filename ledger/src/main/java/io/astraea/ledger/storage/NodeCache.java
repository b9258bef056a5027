package io.astraea.ledger.storage;

import io.astraea.ledger.jmt.InternalNode;
import io.astraea.ledger.jmt.LeafNode;
import io.astraea.ledger.jmt.NibblePath;
import io.astraea.ledger.jmt.Node;
import io.astraea.ledger.jmt.NodeKey;
import java.util.Collections;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Bounded caches of decoded tree nodes, one node per path: the newest one seen, so what they hold
 * is the latest tree's nodes. Each is bounded by the approximate heap its nodes take: an internal
 * node's size grows with its children (a node near the root has all sixteen and takes about
 * 1.3 KB, one near the leaves often two and takes about 250 bytes), a leaf's with its value.
 * Thread-safe; reads take no lock. A node never changes once written under its key, so a cached node
 * answers a read of its exact key until it is pruned ({@link #remove}); a read of an older node at
 * the same path misses and goes to disk.
 *
 * <p>Past its bound a cache evicts by the clock algorithm, an approximation of least recently
 * used: a read marks the node it finds, and the eviction sweep passes over (and unmarks) marked
 * nodes, evicting the first unmarked one. An exact least-recently-used order would relink an entry
 * in a shared list on every read; a block reads and caches thousands of nodes scattered in memory.
 *
 * <p>Keyed by path rather than by node key because a commit replaces thousands of nodes, each by
 * a newer one at the same path: caching the new node then displaces the old one in the same map
 * operation, where a cache keyed by node key would also have to find and remove every replaced
 * key. A node a commit replaced by one of the other kind (a leaf split into an internal node)
 * stays until it is pushed out; only reads of older versions could still ask for it.
 *
 * <p>Internal nodes and leaves are kept apart so that leaves, which are many and carry their
 * values, cannot push out the upper levels every update walks through. Leaves are worth caching
 * because execution reads an account (its leaf) and the state update then reads the same leaf
 * again to replace it.
 */
final class NodeCache {
  /** What a cached leaf costs besides its value: the node, its key and value hashes, the map entry. */
  static final int LEAF_OVERHEAD_BYTES = 240;
  /**
   * What a cached internal node costs besides its packed contents: the node (32 bytes), its
   * array's header (16), the map entry (32), the path it is keyed by (48) and its clock slot.
   */
  static final int INTERNAL_OVERHEAD_BYTES = 136;

  private final Clock internals;
  private final Clock leaves;

  /**
   * At most {@code internalBytes} of internal nodes (by {@link #internalWeight}) and {@code
   * leafBytes} of leaves (by {@link #leafWeight}).
   */
  NodeCache(long internalBytes, long leafBytes) {
    this.internals = new Clock(internalBytes);
    this.leaves = new Clock(leafBytes);
  }

  /** The approximate heap a cached leaf takes. */
  static long leafWeight(LeafNode leaf) {
    return LEAF_OVERHEAD_BYTES + leaf.valueLength();
  }

  /** The approximate heap a cached internal node takes. */
  static long internalWeight(InternalNode node) {
    return INTERNAL_OVERHEAD_BYTES + 8L * node.packedWords();
  }

  private static long weight(Node node) {
    return node instanceof LeafNode leaf ? leafWeight(leaf) : internalWeight((InternalNode) node);
  }

  Node get(NodeKey key) {
    Node n = internals.get(key);
    return n != null ? n : leaves.get(key);
  }

  /**
   * Caches a node (any non-empty node: the null node of an empty tree is not worth a slot) unless
   * a newer one of its kind is cached at its path.
   */
  synchronized void offer(NodeKey key, Node node) {
    if (node instanceof InternalNode) {
      internals.put(key, node);
    } else if (node instanceof LeafNode) {
      leaves.put(key, node);
    }
  }

  /**
   * After a write: caches every internal node of {@code added} not in {@code except}, and its
   * leaves too if {@code withLeaves}, under one lock. Each displaces the node it replaced at its
   * path, if cached.
   */
  synchronized void update(Map<NodeKey, Node> added, Set<NodeKey> except, boolean withLeaves) {
    for (Map.Entry<NodeKey, Node> e : added.entrySet()) {
      if ((withLeaves || !(e.getValue() instanceof LeafNode)) && !except.contains(e.getKey())) {
        offer(e.getKey(), e.getValue());
      }
    }
  }

  /** Forgets a pruned node, if it is the one cached at its path. */
  synchronized void remove(NodeKey key) {
    if (!internals.remove(key)) {
      leaves.remove(key);
    }
  }

  /** A cached node, the version it was written at (with the path, its node key) and its mark. */
  private static final class Versioned {
    final long version;
    final Node node;
    /** {@link #weight} of the node, kept so that displacing or evicting it reads nothing else. */
    final long weight;
    /** Set by a read, cleared by the eviction sweep; a racy hint, never needed for correctness. */
    boolean referenced;

    Versioned(long version, Node node) {
      this.version = version;
      this.node = node;
      this.weight = weight(node);
      this.referenced = true; // a node just cached is as good as just read: it outlives one sweep
    }
  }

  /**
   * One cache by path, bounded by the total {@link #weight} of its nodes. Reads are lock-free;
   * writes (and so the total and the sweep's position) are confined to the enclosing cache's lock.
   */
  private static final class Clock {
    private final ConcurrentHashMap<NibblePath, Versioned> map = new ConcurrentHashMap<>();
    private final long budget;
    private long total;
    /** Where the eviction sweep stands; a new sweep starts when it runs out. */
    private Iterator<Map.Entry<NibblePath, Versioned>> hand = Collections.emptyIterator();

    Clock(long budget) {
      this.budget = budget;
    }

    Node get(NodeKey key) {
      Versioned v = map.get(key.path());
      if (v == null || v.version != key.version()) {
        return null;
      }
      if (!v.referenced) {
        v.referenced = true; // written only when it changes, to keep reads from dirtying shared memory
      }
      return v.node;
    }

    void put(NodeKey key, Node node) {
      Versioned added = new Versioned(key.version(), node);
      Versioned old = map.put(key.path(), added);
      if (old != null && old.version > key.version()) {
        // A read of an older version must not displace the latest tree's node. A reader racing
        // this sees the older node only under its own key, which is still a right answer.
        map.put(key.path(), old);
        return;
      }
      total += added.weight - (old == null ? 0 : old.weight);
      evict();
    }

    /** Sweeps until the total is within the budget; gives up after two full passes find nothing. */
    private void evict() {
      int restarts = 0;
      while (total > budget && restarts <= 2) {
        if (!hand.hasNext()) {
          hand = map.entrySet().iterator();
          restarts++;
          continue;
        }
        Map.Entry<NibblePath, Versioned> e = hand.next();
        Versioned v = e.getValue();
        if (v.referenced) {
          v.referenced = false;
        } else if (map.remove(e.getKey(), v)) {
          total -= v.weight;
        }
      }
    }

    /** Whether the node under this exact key was cached (and is now gone). */
    boolean remove(NodeKey key) {
      Versioned old = map.get(key.path());
      if (old == null || old.version != key.version() || !map.remove(key.path(), old)) {
        return false;
      }
      total -= old.weight;
      return true;
    }
  }
}
