package io.astraea.ledger.storage;

import io.astraea.ledger.jmt.InternalNode;
import io.astraea.ledger.jmt.Node;
import io.astraea.ledger.jmt.NodeKey;
import java.util.LinkedHashMap;
import java.util.Map;

/** A bounded, least-recently-used cache of decoded internal tree nodes. Thread-safe. */
final class NodeCache {
  private final LinkedHashMap<NodeKey, Node> map;

  NodeCache(int capacity) {
    this.map = new LinkedHashMap<>(capacity * 4 / 3 + 1, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<NodeKey, Node> eldest) {
        return size() > capacity;
      }
    };
  }

  synchronized Node get(NodeKey key) {
    return map.get(key);
  }

  /** Caches internal nodes only: leaves are re-read rarely, and only to be split. */
  synchronized void offer(NodeKey key, Node node) {
    if (node instanceof InternalNode) {
      map.put(key, node);
    }
  }

  synchronized void remove(NodeKey key) {
    map.remove(key);
  }
}
