package io.astraea.ledger.jmt;

import io.astraea.crypto.HashValue;

/**
 * The flat form of an internal node's contents, shared by {@link InternalNode} and the updater's
 * working copies: one {@code long[]} of {@link #WORDS} words holding each child slot's hash and
 * version and the node's binary range hashes, with hashes as their four big-endian words (see
 * {@link HashValue#ofWords}). Which slots hold a child, and which of those are leaves, are bitmaps
 * kept beside the array; so is the mask of range hashes currently valid.
 *
 * <p>Why flat: a block's state update walks, rehashes, copies and encodes thousands of internal
 * nodes, and the caches keep tens of thousands alive. As objects (a child record and a hash object
 * per child, a hash object per range) a full node was about fifty objects and 2.8 KB; flat it is
 * one array, read without chasing pointers and copied by the collector in one piece. The fixed
 * slots suit a copy being changed; a finished {@link InternalNode} packs the same contents without
 * the empty slots.
 *
 * <p>Ranges are heap-indexed: range 1 is the whole node (its hash is the node's hash), ranges
 * {@code 2h} and {@code 2h + 1} are the halves of range {@code h}, and ranges 8 to 15 cover two
 * nibbles each. An empty range hashes to the placeholder and a range whose only child is a leaf to
 * that leaf (the leaf is "lifted"), exactly as in the 256-bit sparse Merkle tree.
 */
final class NodeLayout {
  /** Child {@code i}'s hash at words {@code 4i .. 4i + 3}. */
  private static final int HASHES = 0;
  /** Range {@code h}'s hash (1 to 15) at words {@code RANGES + 4h ..}; the slot of range 0 is unused. */
  private static final int RANGES = 64;
  /** Child {@code i}'s version at word {@code VERSIONS + i}. */
  private static final int VERSIONS = 128;
  /** Words per node. */
  static final int WORDS = VERSIONS + 16;
  /** The range that is the whole node. */
  static final int WHOLE = 1;

  private static final long[] PLACEHOLDER = new long[4];

  static {
    JmtHashing.PLACEHOLDER.copyTo(PLACEHOLDER, 0);
  }

  private NodeLayout() {}

  static int hashAt(int nibble) {
    return HASHES + 4 * nibble;
  }

  static int rangeAt(int range) {
    return RANGES + 4 * range;
  }

  static int versionAt(int nibble) {
    return VERSIONS + nibble;
  }

  /** The range covering the {@code width} nibbles from {@code start} (a multiple of {@code width}). */
  static int range(int start, int width) {
    return 16 / width + start / width;
  }

  /** The nibbles range {@code h} covers, as a bitmap. */
  static int nibblesOf(int h) {
    int level = 31 - Integer.numberOfLeadingZeros(h);
    int width = 16 >> level;
    int start = (h - (1 << level)) * width;
    return ((1 << width) - 1) << start;
  }

  /** The four ranges containing {@code nibble}, as a bitmap of range indexes. */
  static int rangesOver(int nibble) {
    int mask = 0;
    for (int h = (16 + nibble) >> 1; h > 0; h >>= 1) {
      mask |= 1 << h;
    }
    return mask;
  }

  /** The ranges covering any nibble of {@code nibbles}, as a bitmap of range indexes. */
  static int rangesOverAny(int nibbles) {
    int mask = 0;
    for (int m = nibbles; m != 0; m &= m - 1) {
      mask |= rangesOver(Integer.numberOfTrailingZeros(m));
    }
    return mask;
  }

  /** Sets child {@code nibble}'s hash and version; the caller updates the bitmaps. */
  static void setChild(long[] words, int nibble, HashValue hash, long version) {
    hash.copyTo(words, hashAt(nibble));
    words[versionAt(nibble)] = version;
  }

  /**
   * Computes the hash of range {@code h} and of every range it depends on, skipping those already
   * valid in {@code valid}; returns the new valid mask. Ranges below an empty or lifted one need no
   * hash and are left out, so after {@code fill(.., WHOLE)} every range a hash or a proof asks for
   * is valid or trivially derived (see {@link #trivialRange}).
   */
  static int fill(long[] words, int existence, int leaves, int valid, int h) {
    if ((valid & (1 << h)) != 0) {
      return valid;
    }
    int present = existence & nibblesOf(h);
    int out = rangeAt(h);
    if (present == 0 || isLiftedLeaf(present, leaves)) {
      trivialRange(words, present, out);
    } else if (h >= 8) {
      // The halves are single nibbles: a child's hash or the placeholder.
      int left = 2 * h - 16;
      int right = left + 1;
      boolean l = (existence & (1 << left)) != 0;
      boolean r = (existence & (1 << right)) != 0;
      JmtHashing.internal(l ? words : PLACEHOLDER, l ? hashAt(left) : 0, r ? words : PLACEHOLDER,
          r ? hashAt(right) : 0, words, out);
    } else {
      valid = fill(words, existence, leaves, valid, 2 * h);
      valid = fill(words, existence, leaves, valid, 2 * h + 1);
      JmtHashing.internal(words, rangeAt(2 * h), words, rangeAt(2 * h + 1), words, out);
    }
    return valid | (1 << h);
  }

  /** Whether the children {@code present} of a range are a single leaf, which the range lifts. */
  static boolean isLiftedLeaf(int present, int leaves) {
    return (present & (present - 1)) == 0 && (leaves & present) != 0;
  }

  /** Writes at {@code out} the hash of a range holding no child, or only the leaf {@code present}. */
  private static void trivialRange(long[] words, int present, int out) {
    if (present == 0) {
      System.arraycopy(PLACEHOLDER, 0, words, out, 4);
    } else {
      System.arraycopy(words, hashAt(Integer.numberOfTrailingZeros(present)), words, out, 4);
    }
  }
}
