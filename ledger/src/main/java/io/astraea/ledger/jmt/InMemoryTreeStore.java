package io.astraea.ledger.jmt;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ConcurrentSkipListSet;

/** A node store in memory, for tests, benchmarks and speculative state that is never persisted. */
public final class InMemoryTreeStore implements TreeReader, TreeWriter, StaleNodeStore {
  private final ConcurrentSkipListMap<NodeKey, Node> nodes = new ConcurrentSkipListMap<>();
  private final ConcurrentSkipListSet<StaleNodeIndex> stale = new ConcurrentSkipListSet<>();

  @Override
  public Optional<Node> getNode(NodeKey key) {
    return Optional.ofNullable(nodes.get(key));
  }

  @Override
  public synchronized void writeBatch(TreeUpdateBatch batch) {
    nodes.putAll(batch.newNodes());
    stale.addAll(batch.staleNodes());
  }

  @Override
  public List<StaleNodeIndex> staleNodesUpTo(long maxVersion, int limit) {
    List<StaleNodeIndex> out = new ArrayList<>();
    for (StaleNodeIndex e : stale) {
      if (e.staleSinceVersion() > maxVersion || out.size() >= limit) {
        break;
      }
      out.add(e);
    }
    return out;
  }

  @Override
  public synchronized void deleteStale(List<StaleNodeIndex> entries) {
    for (StaleNodeIndex e : entries) {
      nodes.remove(e.nodeKey());
      stale.remove(e);
    }
  }

  public int nodeCount() {
    return nodes.size();
  }

  public int staleCount() {
    return stale.size();
  }

  /** A snapshot of all nodes, in key order. */
  public Map<NodeKey, Node> nodes() {
    return Map.copyOf(nodes);
  }
}
