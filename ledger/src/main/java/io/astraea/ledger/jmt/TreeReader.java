package io.astraea.ledger.jmt;

import io.astraea.crypto.HashValue;
import java.util.Optional;

/** Read access to stored nodes; implemented by the in-memory and the RocksDB stores. */
public interface TreeReader {
  Optional<Node> getNode(NodeKey key) throws JmtException;

  /** The node, or a {@link JmtException.Kind#MISSING_NODE} failure. */
  default Node getNodeOrThrow(NodeKey key) throws JmtException {
    Optional<Node> n = getNode(key);
    if (n.isEmpty()) {
      throw new JmtException(JmtException.Kind.MISSING_NODE, "missing tree node " + key);
    }
    return n.get();
  }

  /**
   * A leaf holding {@code accountKey} that this reader has at hand without a lookup by node key,
   * or null. Only a hint: it may be from another version, or from no tree this reader holds, so the
   * tree's updates and reads use it only where its hash is the one a parent records for the child
   * they would read (equal hashes mean the same key and value, so the same node; {@code
   * LeafHints}). Then the read is saved; a block replaces thousands of leaves, each of which would
   * otherwise be looked up just to be replaced.
   */
  default LeafNode leafHint(HashValue accountKey) {
    return null;
  }
}
