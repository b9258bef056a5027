package io.astraea.ledger.jmt;

import io.astraea.crypto.HashValue;
import java.util.Arrays;
import java.util.Objects;

/**
 * A leaf: the account key (a hash of the address), the value's hash, and the value bytes so that
 * a read needs no second lookup. Its hash is {@code SparseMerkleLeafNode(key || valueHash)}.
 */
public final class LeafNode implements Node {
  private final HashValue accountKey;
  private final HashValue valueHash;
  private final byte[] value;
  private HashValue hash;

  public LeafNode(HashValue accountKey, byte[] value) {
    this(accountKey, JmtHashing.value(value), value);
  }

  LeafNode(HashValue accountKey, HashValue valueHash, byte[] value) {
    this.accountKey = Objects.requireNonNull(accountKey, "accountKey");
    this.valueHash = Objects.requireNonNull(valueHash, "valueHash");
    this.value = value.clone();
  }

  public HashValue accountKey() {
    return accountKey;
  }

  public HashValue valueHash() {
    return valueHash;
  }

  public byte[] value() {
    return value.clone();
  }

  /** The value's length in bytes (without copying it). */
  public int valueLength() {
    return value.length;
  }

  byte[] valueUnsafe() {
    return value;
  }

  @Override
  public HashValue hash() {
    HashValue h = hash;
    if (h == null) {
      h = JmtHashing.leaf(accountKey, valueHash);
      hash = h;
    }
    return h;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof LeafNode l
        && l.accountKey.equals(accountKey)
        && l.valueHash.equals(valueHash)
        && Arrays.equals(l.value, value);
  }

  @Override
  public int hashCode() {
    return accountKey.hashCode() * 31 + valueHash.hashCode();
  }

  @Override
  public String toString() {
    return "Leaf(" + accountKey + ")";
  }
}
