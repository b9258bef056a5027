package io.astraea.ledger.storage;

import io.astraea.crypto.HashValue;
import io.astraea.ledger.accumulator.AccumulatorException;
import io.astraea.ledger.accumulator.AccumulatorReader;
import java.util.Optional;

/** Frozen accumulator nodes from the {@code accumulator_nodes} family. */
final class RocksAccumulatorReader implements AccumulatorReader {
  private final LedgerDb db;

  RocksAccumulatorReader(LedgerDb db) {
    this.db = db;
  }

  @Override
  public Optional<HashValue> get(long position) throws AccumulatorException {
    try {
      byte[] b = db.get(ColumnFamily.ACCUMULATOR_NODES, Keys.u64(position));
      if (b == null) {
        return Optional.empty();
      }
      if (b.length != HashValue.LENGTH) {
        throw new AccumulatorException(AccumulatorException.Kind.STORE_FAILURE, "corrupt accumulator node " + position);
      }
      return Optional.of(HashValue.wrap(b));
    } catch (StorageException e) {
      throw new AccumulatorException(AccumulatorException.Kind.STORE_FAILURE, e.getMessage(), e);
    }
  }
}
