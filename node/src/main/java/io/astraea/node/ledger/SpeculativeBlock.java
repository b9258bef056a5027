package io.astraea.node.ledger;

import io.astraea.consensus.ExecutionResult;
import io.astraea.crypto.HashValue;
import io.astraea.ledger.jmt.OverlayTreeReader;
import io.astraea.ledger.jmt.TreeReader;
import io.astraea.ledger.state.StateView;
import io.astraea.ledger.storage.LedgerStore;
import io.astraea.ledger.storage.StorageException;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;

/**
 * One executed, not yet committed block: its writes layered over its parent's (or over the
 * committed state at the version it was executed on), its Jellyfish nodes layered the same way,
 * the transactions it will commit and the result consensus votes on.
 *
 * <p>What it executed is immutable. Its link to the state below changes once: when the parent is
 * durable in the ledger, {@link #rebase} replaces the parent by the committed state at the
 * parent's version. Without that, every block would keep all its ancestors reachable (a block is
 * always executed before its parent commits), and state reads would walk the node's whole
 * history. Owned by the consensus thread, like the executor's map of blocks.
 */
final class SpeculativeBlock implements StateView {
  final HashValue id;
  final HashValue parentId;
  final SortedMap<HashValue, byte[]> writes;
  final ExecutedChunk chunk;
  final ExecutionResult result;
  /** User transactions of the block that execution discarded (they get no version). */
  final List<HashValue> discarded;

  /** The speculative parent, or null once the state below is the committed ledger. */
  private SpeculativeBlock parent;
  /** The committed state below the chain; used when {@link #parent} is null. */
  private CommittedStateView committed;
  /** The tree reader {@link #tree} was layered on (the parent's, or the ledger's). */
  private TreeReader below;
  private TreeReader tree;

  SpeculativeBlock(HashValue id, HashValue parentId, SpeculativeBlock parent, CommittedStateView committed,
      SortedMap<HashValue, byte[]> writes, TreeReader parentTree, ExecutedChunk chunk,
      ExecutionResult result, List<HashValue> discarded) {
    this.id = id;
    this.parentId = parentId;
    this.parent = parent;
    this.committed = committed;
    this.writes = writes;
    this.chunk = chunk;
    this.result = result;
    this.discarded = List.copyOf(discarded);
    layerOn(parentTree);
  }

  SpeculativeBlock parent() {
    return parent;
  }

  CommittedStateView committed() {
    return committed;
  }

  TreeReader tree() {
    return tree;
  }

  private void layerOn(TreeReader parentTree) {
    below = parentTree;
    tree = chunk.stateUpdate().<TreeReader>map(b -> new OverlayTreeReader(parentTree, b)).orElse(parentTree);
  }

  /**
   * Stops depending on ancestors that are durable in {@code store} (version at most {@code
   * durable}): the first such ancestor is replaced by the committed state at its version, and
   * the tree layers above it are rebuilt on the ledger's tree.
   *
   * <p>Sound for the blocks the executor keeps (those extending the committed root): an ancestor at
   * or below the ledger's version is the root or one of its committed ancestors, or a descendant
   * of the root that executed nothing after it, whose state is the root's.
   */
  void rebase(LedgerStore store, long durable) throws StorageException {
    if (parent == null) {
      return;
    }
    if (parent.result.version() <= durable) {
      long v = parent.result.version();
      committed = new CommittedStateView(store, v);
      parent = null;
      layerOn(store.stateTreeAt(v));
      return;
    }
    parent.rebase(store, durable);
    if (parent.tree != below) {
      layerOn(parent.tree);
    }
  }

  /** How many speculative blocks this block's reads walk through (itself included). */
  int depth() {
    int n = 0;
    for (SpeculativeBlock b = this; b != null; b = b.parent) {
      n++;
    }
    return n;
  }

  @Override
  public Optional<byte[]> get(HashValue key) {
    SpeculativeBlock b = this;
    while (true) {
      byte[] v = b.writes.get(key);
      if (v != null) {
        return Optional.of(v);
      }
      if (b.parent == null) {
        return b.committed.get(key);
      }
      b = b.parent;
    }
  }
}
