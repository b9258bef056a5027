package io.astraea.ledger.state;

import io.astraea.crypto.HashValue;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A committed state plus the writes of blocks executed on top of it but not yet committed: the
 * view a node executes a proposal against when its parent is still speculative. Reads prefer the
 * newest write. The write map is a lookup table only and is never iterated.
 */
public final class OverlayStateView implements StateView {
  private final StateView base;
  private final Map<HashValue, byte[]> writes = new HashMap<>();

  public OverlayStateView(StateView base) {
    this.base = base;
  }

  /** A view of {@code base} with {@code writeSets} applied in order. */
  public static OverlayStateView of(StateView base, List<StateWriteSet> writeSets) {
    OverlayStateView v = new OverlayStateView(base);
    writeSets.forEach(v::apply);
    return v;
  }

  public void apply(StateWriteSet writeSet) {
    writes.putAll(writeSet.byKey());
  }

  @Override
  public Optional<byte[]> get(HashValue key) {
    byte[] v = writes.get(key);
    return v != null ? Optional.of(v) : base.get(key);
  }
}
