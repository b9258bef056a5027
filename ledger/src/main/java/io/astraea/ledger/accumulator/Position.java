package io.astraea.ledger.accumulator;

/**
 * In-order positions of accumulator nodes: leaf {@code i} is at {@code 2i}, and the node at level
 * {@code l} (leaves are level 0) with index {@code k} among its level is at {@code (k << (l + 1)) +
 * 2^l - 1}, so a node's level is the number of trailing one bits of its position.
 */
public final class Position {
  /** Deepest supported tree: positions must fit in a signed 64-bit integer. */
  public static final int MAX_LEVEL = 62;

  private Position() {}

  public static long of(int level, long index) {
    if (level < 0 || level > MAX_LEVEL || index < 0 || index > (Long.MAX_VALUE >>> (level + 1))) {
      throw new IllegalArgumentException("no position at level " + level + " index " + index);
    }
    return (index << (level + 1)) + (1L << level) - 1;
  }

  public static long leaf(long index) {
    return of(0, index);
  }

  public static int level(long position) {
    return Long.numberOfTrailingZeros(~position);
  }

  public static long index(long position) {
    return position >>> (level(position) + 1);
  }

  /** The level of the root of an accumulator with {@code numLeaves > 0} leaves: ceil(log2 n). */
  public static int rootLevel(long numLeaves) {
    if (numLeaves <= 0) {
      throw new IllegalArgumentException("an empty accumulator has no root level");
    }
    return numLeaves == 1 ? 0 : 64 - Long.numberOfLeadingZeros(numLeaves - 1);
  }
}
