package io.astraea.ledger.state;

import io.astraea.crypto.AccountAddress;
import io.astraea.crypto.HashValue;
import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The state changes of one transaction: the new blob of every account it touched, sorted by
 * address. Accounts are never deleted, so a write is always a value. Iteration order is the
 * address order, whatever order the executor touched them in.
 */
public final class StateWriteSet {
  /** A write set with no changes (discarded transactions). */
  public static final StateWriteSet EMPTY = new StateWriteSet(new TreeMap<>());

  private final SortedMap<AccountAddress, byte[]> writes;
  /** {@link #byKey()}, computed once: execution, the tree update and the speculative state all read it. */
  private volatile SortedMap<HashValue, byte[]> byKey;

  private StateWriteSet(SortedMap<AccountAddress, byte[]> writes) {
    this.writes = Collections.unmodifiableSortedMap(writes);
  }

  /** Copies the given writes (values are not copied; callers hand over fresh arrays). */
  public static StateWriteSet of(Map<AccountAddress, byte[]> writes) {
    return writes.isEmpty() ? EMPTY : new StateWriteSet(new TreeMap<>(writes));
  }

  /** The new blob per account address, in address order. */
  public SortedMap<AccountAddress, byte[]> byAddress() {
    return writes;
  }

  /** The same writes keyed by state tree key ({@code sha3(address)}), in key order. */
  public SortedMap<HashValue, byte[]> byKey() {
    SortedMap<HashValue, byte[]> out = byKey;
    if (out == null) {
      TreeMap<HashValue, byte[]> m = new TreeMap<>();
      writes.forEach((a, v) -> m.put(StateKeys.accountKey(a), v));
      out = Collections.unmodifiableSortedMap(m);
      byKey = out;
    }
    return out;
  }

  public boolean isEmpty() {
    return writes.isEmpty();
  }

  public int size() {
    return writes.size();
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof StateWriteSet w) || w.writes.size() != writes.size()) {
      return false;
    }
    for (Map.Entry<AccountAddress, byte[]> e : writes.entrySet()) {
      byte[] other = w.writes.get(e.getKey());
      if (other == null || !java.util.Arrays.equals(other, e.getValue())) {
        return false;
      }
    }
    return true;
  }

  @Override
  public int hashCode() {
    return writes.keySet().hashCode();
  }

  @Override
  public String toString() {
    return "StateWriteSet" + writes.keySet();
  }
}
