package io.astraea.ledger.jmt;

import io.astraea.crypto.HashValue;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Jellyfish Merkle tree over a node store: updates that produce {@link TreeUpdateBatch}es,
 * and reads and proofs at any version whose nodes are still stored.
 *
 * <p>Updates take one value set per version, in order ({@code firstVersion}, {@code
 * firstVersion + 1}, ...), so each transaction of a block gets its own state root, as Diem's
 * {@code TransactionInfo} requires; a block is one call. The tree at {@code firstVersion - 1} must
 * exist (none for version 0: the tree starts empty). A version with an empty value set still gets
 * a root node (a copy of the previous root). The {@link NodeRetention} says whether the nodes of
 * every version are kept in the batch or only those of its last version.
 */
public final class JellyfishMerkleTree {
  private final TreeReader reader;

  public JellyfishMerkleTree(TreeReader reader) {
    this.reader = reader;
  }

  /**
   * Computes, without storing, the nodes for {@code valueSets} applied at consecutive versions,
   * keeping every version's nodes.
   */
  public TreeUpdateBatch putValueSets(List<? extends Map<HashValue, byte[]>> valueSets, long firstVersion)
      throws JmtException {
    return putValueSets(valueSets, firstVersion, NodeRetention.ALL_VERSIONS);
  }

  /**
   * Computes, without storing, the nodes for {@code valueSets} applied at consecutive versions;
   * every version gets its root hash, {@code retention} says whose nodes the batch keeps.
   */
  public TreeUpdateBatch putValueSets(
      List<? extends Map<HashValue, byte[]>> valueSets, long firstVersion, NodeRetention retention)
      throws JmtException {
    if (valueSets.isEmpty()) {
      throw new JmtException(JmtException.Kind.INVALID_REQUEST, "no value sets to apply");
    }
    if (firstVersion < 0 || firstVersion > Long.MAX_VALUE - valueSets.size()) {
      throw new JmtException(JmtException.Kind.INVALID_REQUEST, "version out of range: " + firstVersion);
    }
    try {
      return retention == NodeRetention.LAST_VERSION
          ? new CheckpointUpdater(reader).apply(valueSets, firstVersion)
          : new TreeUpdater(reader).apply(valueSets, firstVersion);
    } catch (IllegalArgumentException e) {
      throw new JmtException(JmtException.Kind.INVALID_REQUEST, e.getMessage(), e);
    }
  }

  /** Convenience for a single version. */
  public TreeUpdateBatch putValueSet(Map<HashValue, byte[]> values, long version) throws JmtException {
    return putValueSets(List.of(values), version);
  }

  /** The root hash of the tree at {@code version}. */
  public HashValue rootHash(long version) throws JmtException {
    return reader.getNodeOrThrow(NodeKey.root(version)).hash();
  }

  /**
   * The value of {@code key} at {@code version}, if any, without a proof: follows the key's
   * nibbles from the root, one node per level, and hashes nothing. Execution reads every account
   * it touches this way; building a proof would hash the sibling ranges of every node on the path.
   * Same result (and same failures on missing nodes) as {@link #getWithProof}.
   */
  public Optional<byte[]> get(HashValue key, long version) throws JmtException {
    NodeKey nodeKey = NodeKey.root(version);
    Node node = reader.getNodeOrThrow(nodeKey);
    for (int depth = 0; depth <= NibblePath.MAX_NIBBLES; depth++) {
      if (node instanceof LeafNode leaf) {
        return leaf.accountKey().equals(key) ? Optional.of(leaf.value()) : Optional.empty();
      }
      if (!(node instanceof InternalNode internal)) {
        return Optional.empty();
      }
      if (depth == NibblePath.MAX_NIBBLES) {
        break;
      }
      int nibble = key.nibble(depth);
      if (!internal.hasChild(nibble)) {
        return Optional.empty();
      }
      nodeKey = nodeKey.childKey(internal.childVersion(nibble), nibble);
      node = child(nodeKey, internal, nibble, key);
    }
    throw new JmtException(JmtException.Kind.CORRUPT_NODE, "tree deeper than a key at version " + version);
  }

  /**
   * Child {@code nibble} of {@code parent}, stored under {@code childKey}, on the way to {@code
   * key}: the reader's leaf hint for the key if it is that very node (a leaf whose hash is the one
   * recorded for the child), else the node read by its key. A recently written account's leaf is
   * then not read again.
   */
  private Node child(NodeKey childKey, InternalNode parent, int nibble, HashValue key) throws JmtException {
    LeafNode hint =
        LeafHints.matching(reader, key, parent.isLeaf(nibble), parent.packed(), parent.hashIndex(nibble));
    return hint != null ? hint : reader.getNodeOrThrow(childKey);
  }

  /** The value of {@code key} at {@code version} with a membership or non-membership proof. */
  public StateValueWithProof getWithProof(HashValue key, long version) throws JmtException {
    List<HashValue> topDown = new ArrayList<>();
    NodeKey nodeKey = NodeKey.root(version);
    Node node = reader.getNodeOrThrow(nodeKey);
    for (int depth = 0; depth <= NibblePath.MAX_NIBBLES; depth++) {
      if (node instanceof LeafNode leaf) {
        SparseMerkleLeafNode proofLeaf = new SparseMerkleLeafNode(leaf.accountKey(), leaf.valueHash());
        Optional<byte[]> value =
            leaf.accountKey().equals(key) ? Optional.of(leaf.value()) : Optional.empty();
        return new StateValueWithProof(value, proof(Optional.of(proofLeaf), topDown));
      }
      if (!(node instanceof InternalNode internal)) {
        return new StateValueWithProof(Optional.empty(), proof(Optional.empty(), topDown));
      }
      int next = descend(internal, key.nibble(depth), topDown);
      if (next < 0) {
        return new StateValueWithProof(Optional.empty(), proof(Optional.empty(), topDown));
      }
      nodeKey = nodeKey.childKey(internal.childVersion(next), next);
      node = child(nodeKey, internal, next, key);
    }
    throw new JmtException(JmtException.Kind.CORRUPT_NODE, "tree deeper than a key at version " + version);
  }

  /**
   * Walks the four binary levels of {@code node} towards {@code nibble}, adding each sibling
   * range's hash. Returns the nibble of the child the path continues into (which may be another
   * nibble's leaf, lifted to where its range has no other child), or -1 for an empty range.
   */
  private static int descend(InternalNode node, int nibble, List<HashValue> topDown) {
    int start = 0;
    int width = 16;
    while (width > 1) {
      int half = width / 2;
      boolean right = nibble >= start + half;
      int childStart = right ? start + half : start;
      topDown.add(node.rangeHash(right ? start : start + half, half));
      start = childStart;
      width = half;
      int count = node.countIn(start, width);
      if (count == 0) {
        return -1;
      }
      if (count == 1) {
        int only = node.firstIn(start, width);
        if (width == 1 || node.isLeaf(only)) {
          return only;
        }
      }
    }
    return start;
  }

  private static SparseMerkleProof proof(Optional<SparseMerkleLeafNode> leaf, List<HashValue> topDown) {
    List<HashValue> bottomUp = new ArrayList<>(topDown);
    Collections.reverse(bottomUp);
    return new SparseMerkleProof(leaf, bottomUp);
  }
}
