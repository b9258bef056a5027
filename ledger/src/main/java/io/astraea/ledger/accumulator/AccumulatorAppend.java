package io.astraea.ledger.accumulator;

import io.astraea.crypto.HashValue;
import java.util.Collections;
import java.util.SortedMap;

/** The result of appending leaves: the frozen nodes to store (by position), and the new root. */
public record AccumulatorAppend(SortedMap<Long, HashValue> newNodes, long numLeaves, HashValue rootHash) {
  public AccumulatorAppend {
    newNodes = Collections.unmodifiableSortedMap(newNodes);
  }
}
