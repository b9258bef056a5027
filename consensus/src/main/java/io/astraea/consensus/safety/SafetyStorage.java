package io.astraea.consensus.safety;

/**
 * Where {@link SafetyRules} keeps its {@link SafetyData}. The contract that makes voting safe
 * across crashes: when {@link #store} returns, the data is durable (a node implements it with a
 * synchronous write); {@link SafetyRules} returns no signature before that.
 */
public interface SafetyStorage {
  /** The last durably stored data, or {@code null} if nothing was ever stored. */
  SafetyData load();

  /** Stores {@code data} durably; returns only once it survives a crash. */
  void store(SafetyData data);
}
