package io.astraea.node.ledger;

import io.astraea.crypto.HashValue;
import io.astraea.ledger.jmt.JmtException;
import io.astraea.ledger.jmt.LeafNode;
import io.astraea.ledger.jmt.Node;
import io.astraea.ledger.jmt.NodeKey;
import io.astraea.ledger.jmt.TreeReader;
import io.astraea.ledger.state.StateView;
import io.astraea.ledger.storage.LedgerStore;
import io.astraea.ledger.storage.StorageException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The committed state at one version of a {@link LedgerStore}, as the executor reads it.
 *
 * <p>A view made to execute blocks on ({@link #remembering}) also keeps the leaf behind each value
 * it reads, and lends them to the state update of those blocks as leaf hints ({@link #hinting}).
 * The update replaces the leaf of nearly every account a block read; it would otherwise look each
 * one up in the store again, a cold lookup by then, where the view's own small map is still warm.
 * Hints are checked by hash before use ({@link TreeReader#leafHint}), so a remembered leaf can
 * never change a result.
 */
public final class CommittedStateView implements StateView {
  private final LedgerStore store;
  private final long version;
  /** The leaves found by reads, by state key; null in a view that does not remember them. */
  private final Map<HashValue, LeafNode> leavesRead;

  public CommittedStateView(LedgerStore store, long version) {
    this(store, version, null);
  }

  private CommittedStateView(LedgerStore store, long version, Map<HashValue, LeafNode> leavesRead) {
    this.store = store;
    this.version = version;
    this.leavesRead = leavesRead;
  }

  /**
   * A view that remembers the leaves it reads, for executing blocks on {@code version}: it lives as
   * long as those blocks, so what it keeps is bounded by what they read.
   */
  public static CommittedStateView remembering(LedgerStore store, long version) {
    return new CommittedStateView(store, version, new ConcurrentHashMap<>());
  }

  public long version() {
    return version;
  }

  @Override
  public Optional<byte[]> get(HashValue key) {
    try {
      if (leavesRead != null) {
        Optional<LeafNode> leaf = store.knownLeaf(key, version);
        if (leaf.isPresent()) {
          leavesRead.put(key, leaf.get());
          return Optional.of(leaf.get().value());
        }
      }
      return store.stateValue(key, version);
    } catch (StorageException e) {
      throw new LedgerReadException(e);
    }
  }

  /**
   * {@code tree}, with the leaves this view has read as its first leaf hints; {@code tree} itself
   * for a view that does not remember them.
   */
  public TreeReader hinting(TreeReader tree) {
    if (leavesRead == null) {
      return tree;
    }
    return new TreeReader() {
      @Override
      public Optional<Node> getNode(NodeKey key) throws JmtException {
        return tree.getNode(key);
      }

      @Override
      public LeafNode leafHint(HashValue accountKey) {
        LeafNode read = leavesRead.get(accountKey);
        return read != null ? read : tree.leafHint(accountKey);
      }
    };
  }
}
