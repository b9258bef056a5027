package io.astraea.ledger.jmt;

import java.util.List;

/**
 * Deletes nodes that no retained version uses. With window {@code w} and latest version {@code
 * v}, versions {@code v - w .. v} stay readable: a node stale since version {@code s} belongs to no
 * tree at a version {@code >= s}, so entries with {@code s <= v - w} can go.
 */
public final class StaleNodePruner {
  /** Diem's default: keep the last million versions. */
  public static final long DEFAULT_WINDOW = 1_000_000L;

  private static final int BATCH = 10_000;

  private final StaleNodeStore store;
  private final long window;

  public StaleNodePruner(StaleNodeStore store) {
    this(store, DEFAULT_WINDOW);
  }

  public StaleNodePruner(StaleNodeStore store, long window) {
    if (window < 0) {
      throw new IllegalArgumentException("negative prune window " + window);
    }
    this.store = store;
    this.window = window;
  }

  public long window() {
    return window;
  }

  /** Prunes for a ledger whose latest version is {@code latestVersion}; returns nodes deleted. */
  public long prune(long latestVersion) throws JmtException {
    if (latestVersion < window) {
      return 0;
    }
    long target = latestVersion - window;
    long deleted = 0;
    while (true) {
      List<StaleNodeIndex> entries = store.staleNodesUpTo(target, BATCH);
      if (entries.isEmpty()) {
        return deleted;
      }
      store.deleteStale(entries);
      deleted += entries.size();
      if (entries.size() < BATCH) {
        return deleted;
      }
    }
  }
}
