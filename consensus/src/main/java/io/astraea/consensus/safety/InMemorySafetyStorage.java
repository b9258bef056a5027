package io.astraea.consensus.safety;

/** Safety storage in memory: for tests and for a process whose lifetime bounds the validator's. */
public final class InMemorySafetyStorage implements SafetyStorage {
  private SafetyData data;
  private long writes;

  @Override
  public SafetyData load() {
    return data;
  }

  @Override
  public void store(SafetyData data) {
    this.data = data;
    writes++;
  }

  public long writes() {
    return writes;
  }
}
