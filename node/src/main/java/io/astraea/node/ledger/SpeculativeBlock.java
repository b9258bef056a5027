package io.astraea.node.ledger;

import io.astraea.consensus.ExecutionResult;
import io.astraea.crypto.HashValue;
import io.astraea.ledger.jmt.OverlayTreeReader;
import io.astraea.ledger.jmt.TreeReader;
import io.astraea.ledger.state.StateView;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;

/**
 * One executed, not yet committed block: its writes layered over its parent's (or over the
 * committed state at the version it was executed on), its Jellyfish nodes layered the same way,
 * the transactions it will commit and the result consensus votes on. Immutable once built; a
 * child keeps its parent reachable until the child itself is dropped.
 */
final class SpeculativeBlock implements StateView {
  final HashValue id;
  final HashValue parentId;
  final SpeculativeBlock parent;
  final CommittedStateView committed;
  final SortedMap<HashValue, byte[]> writes;
  final TreeReader tree;
  final ExecutedChunk chunk;
  final ExecutionResult result;
  /** User transactions of the block that execution discarded (they get no version). */
  final List<HashValue> discarded;

  SpeculativeBlock(HashValue id, HashValue parentId, SpeculativeBlock parent, CommittedStateView committed,
      SortedMap<HashValue, byte[]> writes, TreeReader parentTree, ExecutedChunk chunk,
      ExecutionResult result, List<HashValue> discarded) {
    this.id = id;
    this.parentId = parentId;
    this.parent = parent;
    this.committed = committed;
    this.writes = writes;
    this.tree = chunk.stateUpdate().<TreeReader>map(b -> new OverlayTreeReader(parentTree, b)).orElse(parentTree);
    this.chunk = chunk;
    this.result = result;
    this.discarded = List.copyOf(discarded);
  }

  @Override
  public Optional<byte[]> get(HashValue key) {
    for (SpeculativeBlock b = this; b != null; b = b.parent) {
      byte[] v = b.writes.get(key);
      if (v != null) {
        return Optional.of(v);
      }
    }
    return committed.get(key);
  }
}
