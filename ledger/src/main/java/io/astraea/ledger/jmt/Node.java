package io.astraea.ledger.jmt;

import io.astraea.crypto.HashValue;

/** A stored tree node: the empty tree's root, an internal node or a leaf. */
public sealed interface Node permits NullNode, InternalNode, LeafNode {
  /** The sparse-Merkle hash of the subtree this node roots. */
  HashValue hash();
}
