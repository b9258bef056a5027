package io.astraea.ledger.jmt;

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
}
