package io.astraea.ledger.jmt;

import io.astraea.crypto.HashValue;

/**
 * The one rule for using a {@link TreeReader#leafHint}: a hint stands for a child only if the child
 * is a leaf and the hint's hash is the one its parent records for it. Equal hashes mean the same
 * key and value, so the same node; any other hint is ignored and the child read by its key.
 */
final class LeafHints {
  private LeafHints() {}

  /**
   * {@code reader}'s hint for {@code accountKey} if it is the child whose parent records it as a
   * leaf ({@code leaf}) with the hash at {@code words[at .. at + 3]}, else null.
   */
  static LeafNode matching(TreeReader reader, HashValue accountKey, boolean leaf, long[] words, int at) {
    if (!leaf) {
      return null;
    }
    LeafNode hint = reader.leafHint(accountKey);
    return hint != null && hint.hash().equalsWords(words, at) ? hint : null;
  }
}
