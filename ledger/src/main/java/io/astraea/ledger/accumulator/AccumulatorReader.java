package io.astraea.ledger.accumulator;

import io.astraea.crypto.HashValue;
import java.util.Optional;

/** Read access to stored frozen accumulator nodes, by in-order position. */
public interface AccumulatorReader {
  Optional<HashValue> get(long position) throws AccumulatorException;
}
