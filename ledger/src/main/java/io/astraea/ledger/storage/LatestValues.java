package io.astraea.ledger.storage;

import io.astraea.crypto.HashValue;
import io.astraea.ledger.jmt.LeafNode;
import io.astraea.ledger.jmt.Node;
import io.astraea.ledger.jmt.NodeKey;
import io.astraea.ledger.jmt.TreeUpdateBatch;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The last written leaf of each recently written state key, with the version that wrote it, so
 * that execution reads an account with one map lookup instead of a walk from the root through the
 * node cache (five or six lookups in a tree of 100,000 accounts).
 *
 * <p>Why an answer is right: every commit passes through {@link #record} before the ledger's
 * latest version moves to it ({@link RocksTreeStore#committed}), commits come in version order,
 * and only commits add entries, each newer than the one it replaces. So if the entry for a key was
 * written at {@code w <= v} and {@code v} is committed, no write of that key lies in {@code (w,
 * v]}, and the entry's value is the value at {@code v}. An entry written after {@code v} answers
 * nothing for {@code v}, and a key without an entry (not written since the store opened, or
 * evicted) is read from the tree as before.
 *
 * <p>Bounded by the approximate heap its leaves take; past the bound, arbitrary entries go (a lost
 * entry costs one tree walk). The leaves are the ones the node cache holds, so the entries mostly
 * share their memory.
 */
final class LatestValues {
  /** What an entry costs besides its leaf: the map node, the record, the key object. */
  static final int ENTRY_OVERHEAD_BYTES = 96;

  /** An entry; {@code weight} is kept so that displacing or evicting it reads nothing else. */
  private record Written(long version, LeafNode leaf, long weight) {
    Written(long version, LeafNode leaf) {
      this(version, leaf, ENTRY_OVERHEAD_BYTES + NodeCache.leafWeight(leaf));
    }
  }

  private final ConcurrentHashMap<HashValue, Written> map = new ConcurrentHashMap<>();
  private final long budget;
  private long total;
  /** The entry the last {@link #newer} call displaced; only touched under {@link #record}'s lock. */
  private Written displaced;

  LatestValues(long budgetBytes) {
    this.budget = budgetBytes;
  }

  /**
   * The leaf under {@code key} at committed version {@code version}, if this map knows it: the
   * last write of the key happened at or before {@code version}. Null when it cannot tell.
   */
  LeafNode leafAt(HashValue key, long version) {
    Written w = map.get(key);
    return w != null && w.version() <= version ? w.leaf() : null;
  }

  /**
   * The last leaf recorded for {@code key}, of whatever version, or null: a hint for a tree update
   * (see {@link io.astraea.ledger.jmt.TreeReader#leafHint}), not an answer about any version.
   */
  LeafNode latest(HashValue key) {
    Written w = map.get(key);
    return w == null ? null : w.leaf();
  }

  /** Records a commit's new leaves; called for every commit before its versions become readable. */
  synchronized void record(TreeUpdateBatch batch) {
    for (Map.Entry<NodeKey, Node> e : batch.newNodes().entrySet()) {
      if (e.getValue() instanceof LeafNode leaf) {
        Written next = new Written(e.getKey().version(), leaf);
        displaced = null;
        // One atomic map operation per leaf (a commit records thousands); an entry is never
        // replaced by an older one, not even for a moment.
        if (map.merge(leaf.accountKey(), next, this::newer) == next) {
          total += next.weight() - (displaced == null ? 0 : displaced.weight());
        }
      }
    }
    if (total > budget) {
      Iterator<Written> it = map.values().iterator();
      while (total > budget - budget / 8 && it.hasNext()) {
        total -= it.next().weight();
        it.remove();
      }
    }
  }

  /** The remapping of {@code record}'s merge: the newer entry; notes the one it displaces. */
  private Written newer(Written old, Written next) {
    if (old.version() < next.version()) {
      displaced = old;
      return next;
    }
    return old;
  }

  /** Entries held. */
  int size() {
    return map.size();
  }
}
