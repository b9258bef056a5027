package io.astraea.ledger.jmt;

import io.astraea.crypto.HashValue;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Applies a block's value sets, one version per set, for {@link NodeRetention#LAST_VERSION}: every
 * version gets its root hash, but only the nodes of the tree at the last version are produced.
 *
 * <p>Why not {@link TreeUpdater}: built for keeping every version, it creates a new immutable node
 * for each level of each changed path at each version, most of which the next version replaces.
 * Here the part of the tree the block touches is a mutable working copy: a version changes it in
 * place, its root hash is then computed by rehashing only what changed (an internal node keeps its
 * binary range hashes and drops just the four over a changed child), and immutable nodes are made
 * once, at the end, from what the copy holds. Same results as {@link TreeUpdater} with every
 * version kept and the batch's superseded nodes left out (checked by the property tests).
 *
 * <p>Node versions follow the tree's rule: a node written in the batch is keyed by the last version
 * that changed it or anything below it; the root by every version. A stored node is stale from the
 * first version that replaces it; nodes written and replaced within the batch are never stored.
 */
final class CheckpointUpdater {
  private final TreeReader base;
  private final List<StaleNodeIndex> stale = new ArrayList<>();
  private long firstVersion;

  /** The root: a {@link Working} node, a {@link LeafNode} or the {@link NullNode}. */
  private Object root;
  /** The version the root is keyed by. */
  private long rootVersion;

  CheckpointUpdater(TreeReader base) {
    this.base = base;
  }

  /**
   * A stored or new internal node being changed, in the flat form of {@link NodeLayout}: its
   * current children and the range hashes still valid.
   */
  private static final class Working {
    final NibblePath path;
    /** The version it is keyed by: the stored one until the batch first changes it. */
    long version;
    final long[] words;
    int existence;
    int leaves;
    /** The ranges whose hash in {@link #words} is current. */
    int validRanges;
    /** Children loaded or made in this batch (a {@link Working} or a {@link LeafNode}); null: as stored. */
    final Object[] loaded = new Object[16];
    /**
     * Children below which something changed since this node's hash was last computed; their
     * entries in {@link #words} are out of date (or, in a node just made by a split, still empty).
     */
    int pendingMask;

    Working(NibblePath path, long version, long[] words, int existence, int leaves, int validRanges) {
      this.path = path;
      this.version = version;
      this.words = words;
      this.existence = existence;
      this.leaves = leaves;
      this.validRanges = validRanges;
    }

    static Working of(NibblePath path, long version, InternalNode stored) {
      return new Working(path, version, stored.unpack(), stored.existenceBitmap(), stored.leafBitmap(),
          stored.hashedRanges());
    }

    static Working fresh(NibblePath path, long version) {
      return new Working(path, version, new long[NodeLayout.WORDS], 0, 0, 0);
    }

    boolean hasChild(int nibble) {
      return (existence & (1 << nibble)) != 0;
    }

    boolean isLeaf(int nibble) {
      return (leaves & (1 << nibble)) != 0;
    }

    long childVersion(int nibble) {
      return words[NodeLayout.versionAt(nibble)];
    }

    void setLeaf(int nibble, LeafNode leaf, long version) {
      loaded[nibble] = leaf;
      NodeLayout.setChild(words, nibble, leaf.hash(), version);
      existence |= 1 << nibble;
      leaves |= 1 << nibble;
      validRanges &= ~NodeLayout.rangesOver(nibble);
    }

    void setPending(int nibble, Working child) {
      loaded[nibble] = child;
      pendingMask |= 1 << nibble;
    }

    /** Brings the entries of the pending children, and then the range hashes, up to date. */
    void rehash() {
      for (int m = pendingMask; m != 0; m &= m - 1) {
        int nibble = Integer.numberOfTrailingZeros(m);
        Working child = (Working) loaded[nibble];
        child.rehash();
        System.arraycopy(child.words, NodeLayout.rangeAt(NodeLayout.WHOLE), words, NodeLayout.hashAt(nibble), 4);
        words[NodeLayout.versionAt(nibble)] = child.version;
        existence |= 1 << nibble;
        leaves &= ~(1 << nibble);
        validRanges &= ~NodeLayout.rangesOver(nibble);
      }
      pendingMask = 0;
      validRanges = NodeLayout.fill(words, existence, leaves, validRanges, NodeLayout.WHOLE);
    }

    HashValue hash() {
      return HashValue.ofWords(words, NodeLayout.rangeAt(NodeLayout.WHOLE));
    }
  }

  TreeUpdateBatch apply(List<? extends Map<HashValue, byte[]>> valueSets, long firstVersion) throws JmtException {
    this.firstVersion = firstVersion;
    List<HashValue> roots = new ArrayList<>(valueSets.size());
    if (firstVersion == 0) {
      root = NullNode.INSTANCE;
      rootVersion = 0;
    } else {
      rootVersion = firstVersion - 1;
      Node stored = base.getNodeOrThrow(NodeKey.root(rootVersion));
      root = stored instanceof InternalNode in ? Working.of(NibblePath.EMPTY, rootVersion, in) : stored;
    }
    for (int i = 0; i < valueSets.size(); i++) {
      long version = firstVersion + i;
      List<LeafNode> leaves = leaves(valueSets.get(i));
      // Every version has its own root node, changed or not.
      if (rootVersion < firstVersion) {
        stale.add(new StaleNodeIndex(version, NodeKey.root(rootVersion)));
      }
      rootVersion = version;
      if (root instanceof Working w) {
        w.version = version;
      }
      for (LeafNode leaf : leaves) {
        putAtRoot(leaf, version);
      }
      roots.add(hash(root));
    }
    // Depth-first order: deterministic, and no key comparisons (a block makes thousands of nodes).
    // The stale nodes likewise stay in the order they were found; each is recorded once (see touch).
    Map<NodeKey, Node> newNodes = new LinkedHashMap<>();
    collect(root, NodeKey.root(rootVersion), newNodes);
    return new TreeUpdateBatch(firstVersion, roots, newNodes, stale, valueSets);
  }

  private static List<LeafNode> leaves(Map<HashValue, byte[]> values) {
    List<LeafNode> leaves = new ArrayList<>(values.size());
    for (Map.Entry<HashValue, byte[]> e : values.entrySet()) {
      if (e.getKey() == null || e.getValue() == null) {
        throw new IllegalArgumentException("null key or value in a value set");
      }
      leaves.add(new LeafNode(e.getKey(), e.getValue()));
    }
    return leaves;
  }

  private void putAtRoot(LeafNode leaf, long version) throws JmtException {
    if (root instanceof Working w) {
      put(w, leaf, version);
    } else if (root instanceof LeafNode old && !old.accountKey().equals(leaf.accountKey())) {
      root = split(NibblePath.EMPTY, old, leaf, version);
    } else {
      root = leaf; // the empty tree's first key, or the only key's new value
    }
  }

  /** Puts {@code leaf} into the subtree of {@code node}, whose path is a prefix of the leaf's key. */
  private void put(Working node, LeafNode leaf, long version) throws JmtException {
    int nibble = leaf.accountKey().nibble(node.path.length());
    if (!node.hasChild(nibble) && node.loaded[nibble] == null) {
      node.setLeaf(nibble, leaf, version);
      return;
    }
    Object child = load(node, nibble, leaf.accountKey());
    if (child instanceof Working w) {
      touch(w, version);
      put(w, leaf, version);
      node.setPending(nibble, w);
      return;
    }
    LeafNode existing = (LeafNode) child;
    long oldVersion = node.childVersion(nibble); // a leaf's entry is always current (set with the leaf)
    if (oldVersion < firstVersion) {
      stale.add(new StaleNodeIndex(version, new NodeKey(oldVersion, node.path.child(nibble))));
    }
    if (existing.accountKey().equals(leaf.accountKey())) {
      node.setLeaf(nibble, leaf, version);
    } else {
      node.setPending(nibble, split(node.path.child(nibble), existing, leaf, version));
    }
  }

  /** The smallest subtree at {@code path} holding two leaves with different keys. */
  private static Working split(NibblePath path, LeafNode a, LeafNode b, long version) {
    Working w = Working.fresh(path, version);
    int depth = path.length();
    int na = a.accountKey().nibble(depth);
    int nb = b.accountKey().nibble(depth);
    if (na == nb) {
      w.setPending(na, split(path.child(na), a, b, version));
    } else {
      w.setLeaf(na, a, version);
      w.setLeaf(nb, b, version);
    }
    return w;
  }

  /** Records that a stored node is replaced from {@code version} on; later changes need no record. */
  private void touch(Working w, long version) {
    if (w.version < firstVersion) {
      stale.add(new StaleNodeIndex(version, new NodeKey(w.version, w.path)));
    }
    w.version = version;
  }

  /**
   * The child at {@code nibble} (which exists), read from the store the first time it is needed,
   * on the way to putting {@code accountKey}. A leaf there is usually that key's own, about to be
   * replaced: the reader's hint for the key is taken instead of a read when its hash is the one
   * recorded for the child.
   */
  private Object load(Working node, int nibble, HashValue accountKey) throws JmtException {
    Object child = node.loaded[nibble];
    if (child == null) {
      boolean leaf = node.isLeaf(nibble);
      LeafNode hint = LeafHints.matching(base, accountKey, leaf, node.words, NodeLayout.hashAt(nibble));
      if (hint != null) {
        node.loaded[nibble] = hint;
        return hint;
      }
      long childVersion = node.childVersion(nibble);
      NodeKey key = new NodeKey(childVersion, node.path.child(nibble));
      Node stored = base.getNodeOrThrow(key);
      if (leaf != stored instanceof LeafNode) {
        throw new JmtException(JmtException.Kind.CORRUPT_NODE, "node " + key + " is not the kind its parent records");
      }
      child = stored instanceof InternalNode in ? Working.of(key.path(), childVersion, in) : stored;
      node.loaded[nibble] = child;
    }
    return child;
  }

  /** The hash of a subtree, recomputing only below children changed since it was last asked. */
  private static HashValue hash(Object node) {
    if (node instanceof Working w) {
      w.rehash();
      return w.hash();
    }
    return ((Node) node).hash();
  }

  /** Adds the nodes the batch wrote that the last version's tree holds, from {@code node} down. */
  private void collect(Object node, NodeKey key, Map<NodeKey, Node> out) {
    if (!(node instanceof Working w)) {
      out.put(key, (Node) node);
      return;
    }
    out.put(key, InternalNode.ofWords(w.existence, w.leaves, w.words, w.validRanges));
    for (int m = w.existence; m != 0; m &= m - 1) {
      int nibble = Integer.numberOfTrailingZeros(m);
      long childVersion = w.childVersion(nibble);
      if (childVersion >= firstVersion) {
        collect(w.loaded[nibble], new NodeKey(childVersion, w.path.child(nibble)), out);
      }
    }
  }
}
