package io.astraea.ledger.jmt;

import io.astraea.crypto.HashValue;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Applies value sets to the tree, one version per set, keeping every version's nodes ({@link
 * NodeRetention#ALL_VERSIONS}) and collecting new nodes and stale entries without touching the
 * store. Each version is one recursive pass over its keys in sorted order: a subtree is visited
 * once however many of its keys change. {@link CheckpointUpdater} does the same work when only the
 * last version's nodes are kept.
 */
final class TreeUpdater {
  private final TreeReader base;
  // Hash-based while updating (thousands of puts and reads per block); sorted once at the end.
  private final HashMap<NodeKey, Node> newNodes = new HashMap<>();
  private final ArrayList<StaleNodeIndex> stale = new ArrayList<>();

  TreeUpdater(TreeReader base) {
    this.base = base;
  }

  TreeUpdateBatch apply(List<? extends Map<HashValue, byte[]>> valueSets, long firstVersion)
      throws JmtException {
    List<HashValue> roots = new ArrayList<>(valueSets.size());
    for (int i = 0; i < valueSets.size(); i++) {
      long version = firstVersion + i;
      NodeKey oldRootKey = version == 0 ? null : NodeKey.root(version - 1);
      Node oldRoot = oldRootKey == null ? NullNode.INSTANCE : read(oldRootKey);
      List<LeafNode> leaves = sortedLeaves(valueSets.get(i));
      if (leaves.isEmpty()) {
        newNodes.put(NodeKey.root(version), oldRoot);
        if (oldRootKey != null) {
          replaced(oldRootKey, version);
        }
        roots.add(oldRoot.hash());
      } else {
        roots.add(insert(oldRootKey, oldRoot, NibblePath.EMPTY, leaves, 0, leaves.size(), version).hash());
      }
    }
    return new TreeUpdateBatch(firstVersion, roots, new TreeMap<>(newNodes), new ArrayList<>(new TreeSet<>(stale)), valueSets);
  }

  private static List<LeafNode> sortedLeaves(Map<HashValue, byte[]> values) {
    for (Map.Entry<HashValue, byte[]> e : values.entrySet()) {
      if (e.getKey() == null || e.getValue() == null) {
        throw new IllegalArgumentException("null key or value in a value set");
      }
    }
    SortedMap<HashValue, byte[]> sorted = values instanceof SortedMap<HashValue, byte[]> s && s.comparator() == null
        ? s // already in key order (execution's write sets are)
        : new TreeMap<>(values);
    List<LeafNode> leaves = new ArrayList<>(sorted.size());
    for (Map.Entry<HashValue, byte[]> e : sorted.entrySet()) {
      leaves.add(new LeafNode(e.getKey(), e.getValue()));
    }
    return leaves;
  }

  private Node read(NodeKey key) throws JmtException {
    Node n = newNodes.get(key);
    return n != null ? n : base.getNodeOrThrow(key);
  }

  /** Replaces the subtree at {@code path} (stored at {@code existingKey}, if any) with new leaves. */
  private Child insert(
      NodeKey existingKey, Node existing, NibblePath path, List<LeafNode> leaves, int from, int to, long version)
      throws JmtException {
    if (existingKey != null) {
      replaced(existingKey, version);
    }
    if (existing instanceof InternalNode in) {
      Child[] children = in.children();
      int depth = path.length();
      int changed = 0;
      int i = from;
      while (i < to) {
        int nibble = leaves.get(i).accountKey().nibble(depth);
        int j = groupEnd(leaves, i, to, depth, nibble);
        Child old = children[nibble];
        changed |= 1 << nibble;
        if (old == null) {
          children[nibble] = build(path.child(nibble), leaves, i, j, version);
        } else {
          NodeKey childKey = new NodeKey(old.version(), path.child(nibble));
          children[nibble] = insert(childKey, read(childKey), childKey.path(), leaves, i, j, version);
        }
        i = j;
      }
      return put(path, in.derive(children, changed), version);
    }
    if (existing instanceof LeafNode old) {
      List<LeafNode> merged = new ArrayList<>(leaves.subList(from, to));
      boolean overwritten = false;
      int insertAt = merged.size();
      for (int i = 0; i < merged.size(); i++) {
        int c = merged.get(i).accountKey().compareTo(old.accountKey());
        overwritten |= c == 0;
        if (c > 0 && insertAt == merged.size()) {
          insertAt = i;
        }
      }
      if (!overwritten) {
        merged.add(insertAt, old);
      }
      return build(path, merged, 0, merged.size(), version);
    }
    return build(path, leaves, from, to, version);
  }

  /** Builds a fresh subtree at {@code path} holding exactly {@code leaves[from, to)}. */
  private Child build(NibblePath path, List<LeafNode> leaves, int from, int to, long version) {
    if (to - from == 1) {
      return put(path, leaves.get(from), version);
    }
    int depth = path.length();
    Child[] children = new Child[16];
    int i = from;
    while (i < to) {
      int nibble = leaves.get(i).accountKey().nibble(depth);
      int j = groupEnd(leaves, i, to, depth, nibble);
      children[nibble] = build(path.child(nibble), leaves, i, j, version);
      i = j;
    }
    return put(path, new InternalNode(children), version);
  }

  private static int groupEnd(List<LeafNode> leaves, int from, int to, int depth, int nibble) {
    int j = from + 1;
    while (j < to && leaves.get(j).accountKey().nibble(depth) == nibble) {
      j++;
    }
    return j;
  }

  /** Records that {@code key}'s node is no longer in the tree from {@code version} on. */
  private void replaced(NodeKey key, long version) {
    stale.add(new StaleNodeIndex(version, key));
  }

  private Child put(NibblePath path, Node node, long version) {
    newNodes.put(new NodeKey(version, path), node);
    return new Child(node.hash(), version, node instanceof LeafNode);
  }
}
