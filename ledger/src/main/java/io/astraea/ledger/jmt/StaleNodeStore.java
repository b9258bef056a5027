package io.astraea.ledger.jmt;

import java.util.List;

/** What the pruner needs from a store: the oldest stale entries, and their deletion with the nodes. */
public interface StaleNodeStore {
  /** Up to {@code limit} entries with {@code staleSinceVersion <= maxVersion}, oldest first. */
  List<StaleNodeIndex> staleNodesUpTo(long maxVersion, int limit) throws JmtException;

  /** Deletes the nodes named by {@code entries} and the entries themselves, atomically. */
  void deleteStale(List<StaleNodeIndex> entries) throws JmtException;
}
