package io.astraea.ledger.jmt;

import io.astraea.crypto.HashValue;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Everything one {@link JellyfishMerkleTree#putValueSets} call produced: the new nodes, the nodes
 * they made stale, the root hash after each version, {@code firstVersion} onwards, and the value
 * sets it applied (so that a store keeping only the last version's nodes can rebuild the
 * others). Nothing is stored until a {@link TreeWriter} writes the batch, so a block can be
 * executed speculatively.
 *
 * <p>{@code newNodes} iterates in an order fixed by the updater (the same inputs give the same
 * order), not necessarily by key: the store writes them in one batch, where order does not matter,
 * and a sorted map would cost a block thousands of key comparisons to build and to read through.
 * {@code staleNodes} likewise: each stale node once, in an order fixed by the updater; the store
 * keeps a commit's stale nodes as one entry in that order.
 */
public record TreeUpdateBatch(
    long firstVersion,
    List<HashValue> rootHashes,
    Map<NodeKey, Node> newNodes,
    List<StaleNodeIndex> staleNodes,
    List<? extends Map<HashValue, byte[]>> valueSets) {

  public TreeUpdateBatch {
    rootHashes = List.copyOf(rootHashes);
    newNodes = Collections.unmodifiableMap(newNodes);
    staleNodes = Collections.unmodifiableList(staleNodes);
    valueSets = Collections.unmodifiableList(valueSets);
    if (valueSets.size() != rootHashes.size()) {
      throw new IllegalArgumentException(valueSets.size() + " value sets for " + rootHashes.size() + " versions");
    }
  }

  /** The version of the last value set, whose root is the tree's new root. */
  public long lastVersion() {
    return firstVersion + rootHashes.size() - 1;
  }

  public HashValue lastRootHash() {
    return rootHashes.get(rootHashes.size() - 1);
  }
}
