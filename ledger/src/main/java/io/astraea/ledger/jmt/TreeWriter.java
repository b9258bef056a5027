package io.astraea.ledger.jmt;

/** Persists the result of an update: its new nodes and its stale-node index entries, atomically. */
public interface TreeWriter {
  void writeBatch(TreeUpdateBatch batch) throws JmtException;
}
