package io.astraea.consensus.sim;

import io.astraea.consensus.safety.SafetyData;
import io.astraea.consensus.safety.SafetyStorage;

/**
 * Safety storage over a simulated disk: a write goes to a volatile cache and becomes durable
 * only when synced; a crash throws away whatever was not synced. The correct storage syncs on
 * every store (as the contract demands); the {@code lazy} one never does, which is how a node
 * that loses its safety data on restart behaves.
 */
public final class SimSafetyStorage implements SafetyStorage {
  private final boolean lazy;
  private SafetyData durable;
  private SafetyData cached;

  public SimSafetyStorage(boolean lazy) {
    this.lazy = lazy;
  }

  @Override
  public SafetyData load() {
    return cached;
  }

  @Override
  public void store(SafetyData data) {
    cached = data;
    if (!lazy) {
      durable = data;
    }
  }

  /** The process died: unsynced writes are gone. */
  public void crash() {
    cached = durable;
  }
}
