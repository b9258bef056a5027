package io.astraea.ledger.accumulator;

import io.astraea.crypto.HashValue;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Frozen accumulator nodes in memory, for tests and benchmarks. */
public final class InMemoryAccumulatorStore implements AccumulatorReader {
  private final Map<Long, HashValue> nodes = new ConcurrentHashMap<>();

  @Override
  public Optional<HashValue> get(long position) {
    return Optional.ofNullable(nodes.get(position));
  }

  public void write(AccumulatorAppend append) {
    nodes.putAll(append.newNodes());
  }

  public int size() {
    return nodes.size();
  }
}
