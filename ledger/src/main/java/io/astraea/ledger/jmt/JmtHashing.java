package io.astraea.ledger.jmt;

import io.astraea.crypto.CryptoHasher;
import io.astraea.crypto.HashValue;
import java.nio.charset.StandardCharsets;

/**
 * The hashes the tree writer uses, with Diem's domain separation: internal binary nodes under
 * {@code SparseMerkleInternal}, leaves under {@code SparseMerkleLeafNode} over {@code key ||
 * value_hash}, values under {@code AccountStateBlob}, and the literal placeholder for an empty
 * subtree.
 */
public final class JmtHashing {
  /** Diem's {@code SPARSE_MERKLE_PLACEHOLDER_HASH}: the ASCII name padded with zero bytes. */
  public static final HashValue PLACEHOLDER = literal("SPARSE_MERKLE_PLACEHOLDER_HASH");

  private static final CryptoHasher INTERNAL = CryptoHasher.forType("SparseMerkleInternal");
  private static final CryptoHasher LEAF = CryptoHasher.forType("SparseMerkleLeafNode");
  private static final CryptoHasher VALUE = CryptoHasher.forType("AccountStateBlob");

  private JmtHashing() {}

  /** The hash of a binary internal node of the sparse Merkle tree. */
  public static HashValue internal(HashValue left, HashValue right) {
    return INTERNAL.hashPair(left, right);
  }

  /**
   * {@link #internal(HashValue, HashValue)} on hashes kept as words in flat arrays (see {@link
   * HashValue#ofWords}): hashes {@code left[la..]} and {@code right[ra..]} into {@code out[oa..]}.
   */
  static void internal(long[] left, int la, long[] right, int ra, long[] out, int oa) {
    INTERNAL.hashPair(left, la, right, ra, out, oa);
  }

  /** The hash of a leaf holding {@code key} with a value whose hash is {@code valueHash}. */
  public static HashValue leaf(HashValue key, HashValue valueHash) {
    return LEAF.hashPair(key, valueHash);
  }

  /** The hash of a state value (Diem's {@code AccountStateBlob} hash of the raw bytes). */
  public static HashValue value(byte[] value) {
    return VALUE.hash(value);
  }

  private static HashValue literal(String word) {
    byte[] b = new byte[HashValue.LENGTH];
    byte[] w = word.getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(w, 0, b, 0, w.length);
    return HashValue.wrap(b);
  }
}
