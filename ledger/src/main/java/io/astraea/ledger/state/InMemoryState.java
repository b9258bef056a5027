package io.astraea.ledger.state;

import io.astraea.crypto.HashValue;
import io.astraea.crypto.Sha3;
import java.util.Collections;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A state held in a sorted map: the state of tests, benchmarks and genesis construction. Its
 * {@link #digest()} is a deterministic hash of every (key, value) pair in key order, so two
 * executions can be compared without a Merkle tree.
 */
public final class InMemoryState implements StateView {
  private final TreeMap<HashValue, byte[]> values = new TreeMap<>();

  public InMemoryState() {}

  /** A copy of another in-memory state. */
  public InMemoryState(InMemoryState other) {
    values.putAll(other.values);
  }

  @Override
  public Optional<byte[]> get(HashValue key) {
    return Optional.ofNullable(values.get(key));
  }

  /** Applies one transaction's writes. */
  public void apply(StateWriteSet writes) {
    values.putAll(writes.byKey());
  }

  public void put(HashValue key, byte[] value) {
    values.put(key, value);
  }

  public int size() {
    return values.size();
  }

  /** The stored values in key order (read-only). */
  public NavigableMap<HashValue, byte[]> entries() {
    return Collections.unmodifiableNavigableMap(values);
  }

  /** {@code sha3(key_1 || sha3(value_1) || key_2 || sha3(value_2) || ...)} in key order. */
  public HashValue digest() {
    Sha3.Builder b = new Sha3.Builder();
    for (Map.Entry<HashValue, byte[]> e : values.entrySet()) {
      b.update(e.getKey());
      b.update(Sha3.hash(e.getValue()));
    }
    return b.finish();
  }
}
