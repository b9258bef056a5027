package io.astraea.ledger.jmt;

import io.astraea.crypto.CryptoHasher;
import io.astraea.crypto.HashValue;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * The plain 256-bit sparse Merkle tree, written as directly as possible from its definition: an
 * empty subtree is the placeholder, a subtree holding one leaf is that leaf's hash, and any other
 * subtree is {@code SparseMerkleInternal(left, right)} split on the next key bit.
 */
final class ReferenceSparseMerkleTree {
  static final HashValue PLACEHOLDER;

  static {
    byte[] b = new byte[32];
    byte[] w = "SPARSE_MERKLE_PLACEHOLDER_HASH".getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(w, 0, b, 0, w.length);
    PLACEHOLDER = HashValue.wrap(b);
  }

  private ReferenceSparseMerkleTree() {}

  static HashValue root(SortedMap<HashValue, byte[]> state) {
    List<Map.Entry<HashValue, byte[]>> leaves = new ArrayList<>(state.entrySet());
    return hash(leaves, 0, leaves.size(), 0);
  }

  private static HashValue hash(List<Map.Entry<HashValue, byte[]>> leaves, int from, int to, int bit) {
    if (from == to) {
      return PLACEHOLDER;
    }
    if (to - from == 1) {
      Map.Entry<HashValue, byte[]> e = leaves.get(from);
      HashValue valueHash = CryptoHasher.forType("AccountStateBlob").hash(e.getValue());
      return CryptoHasher.forType("SparseMerkleLeafNode").builder().update(e.getKey()).update(valueHash).finish();
    }
    int mid = from;
    while (mid < to && !leaves.get(mid).getKey().bit(bit)) {
      mid++;
    }
    HashValue left = hash(leaves, from, mid, bit + 1);
    HashValue right = hash(leaves, mid, to, bit + 1);
    return CryptoHasher.forType("SparseMerkleInternal").builder().update(left).update(right).finish();
  }
}
