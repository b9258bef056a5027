package io.astraea.ledger.jmt;

import io.astraea.crypto.HashValue;
import java.util.Optional;

/**
 * A store as it would be after writing {@code batch}: lets the next block be computed on top of an
 * executed but not yet committed one.
 */
public final class OverlayTreeReader implements TreeReader {
  private final TreeReader base;
  private final TreeUpdateBatch batch;

  public OverlayTreeReader(TreeReader base, TreeUpdateBatch batch) {
    this.base = base;
    this.batch = batch;
  }

  @Override
  public Optional<Node> getNode(NodeKey key) throws JmtException {
    Node n = batch.newNodes().get(key);
    return n != null ? Optional.of(n) : base.getNode(key);
  }

  /** The base's hint: a leaf the batch replaced no longer matches its parent's hash and is read as usual. */
  @Override
  public LeafNode leafHint(HashValue accountKey) {
    return base.leafHint(accountKey);
  }
}
