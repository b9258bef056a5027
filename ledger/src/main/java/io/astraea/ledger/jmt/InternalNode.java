package io.astraea.ledger.jmt;

import io.astraea.crypto.HashValue;
import java.util.Arrays;
import java.util.Optional;

/**
 * An internal node with up to 16 children indexed by nibble. Its hash is the root of the four
 * binary levels the nibble stands for: an empty range hashes to the placeholder and a range whose
 * only child is a leaf hashes to that leaf (the leaf is "lifted"), exactly as in the 256-bit
 * sparse Merkle tree.
 */
public final class InternalNode implements Node {
  private final Child[] children;
  /**
   * Hashes of the binary ranges, heap-indexed: 1 is the whole node, {@code 2i} and {@code 2i + 1}
   * the halves of {@code i}; filled lazily. Entries are immutable values, so racing fills are benign.
   */
  private final HashValue[] rangeHashes = new HashValue[16];

  /** {@code children} has 16 slots, {@code null} where there is no child; at least one is set. */
  public InternalNode(Child[] children) {
    if (children.length != 16) {
      throw new IllegalArgumentException("an internal node has 16 child slots");
    }
    this.children = children.clone();
    if (existenceBitmap() == 0) {
      throw new IllegalArgumentException("an internal node needs at least one child");
    }
  }

  /**
   * A copy of this node with {@code newChildren}, which differ from this node's children only at
   * the nibbles set in {@code changedMask}; range hashes off the changed paths are reused.
   */
  InternalNode derive(Child[] newChildren, int changedMask) {
    InternalNode n = new InternalNode(newChildren);
    for (int h = 1; h < 16; h++) {
      HashValue cached = rangeHashes[h];
      if (cached != null && !touches(h, changedMask)) {
        n.rangeHashes[h] = cached;
      }
    }
    return n;
  }

  /** Whether heap range {@code h} covers a nibble in {@code mask}. */
  private static boolean touches(int h, int mask) {
    int level = 31 - Integer.numberOfLeadingZeros(h);
    int width = 16 >> level;
    int start = (h - (1 << level)) * width;
    int rangeMask = ((1 << width) - 1) << start;
    return (rangeMask & mask) != 0;
  }

  public Optional<Child> child(int nibble) {
    return Optional.ofNullable(children[nibble]);
  }

  Child childOrNull(int nibble) {
    return children[nibble];
  }

  /** A copy of the 16 child slots. */
  public Child[] children() {
    return children.clone();
  }

  /** Bit {@code i} set when child {@code i} exists. */
  public int existenceBitmap() {
    int m = 0;
    for (int i = 0; i < 16; i++) {
      if (children[i] != null) {
        m |= 1 << i;
      }
    }
    return m;
  }

  /** Bit {@code i} set when child {@code i} is a leaf. */
  public int leafBitmap() {
    int m = 0;
    for (int i = 0; i < 16; i++) {
      if (children[i] != null && children[i].leaf()) {
        m |= 1 << i;
      }
    }
    return m;
  }

  @Override
  public HashValue hash() {
    return rangeHash(children, rangeHashes, 0, 16);
  }

  /** The hash of the binary subtree covering nibbles {@code [start, start + width)}. */
  HashValue rangeHash(int start, int width) {
    return rangeHash(children, rangeHashes, start, width);
  }

  /** A copy of the range hashes computed so far (null where not yet computed). */
  HashValue[] rangeHashesCopy() {
    return rangeHashes.clone();
  }

  /**
   * A node with {@code children} whose range hashes, where not null, are already known to be
   * {@code rangeHashes} (heap-indexed as in {@link #rangeHash(Child[], HashValue[], int, int)}).
   */
  static InternalNode withRangeHashes(Child[] children, HashValue[] rangeHashes) {
    InternalNode n = new InternalNode(children);
    System.arraycopy(rangeHashes, 0, n.rangeHashes, 0, 16);
    return n;
  }

  /**
   * The hash of the binary subtree of {@code children} covering nibbles {@code [start, start +
   * width)}, caching each range's hash in {@code cache}: index 1 is the whole node, {@code 2i} and
   * {@code 2i + 1} the halves of range {@code i}.
   */
  static HashValue rangeHash(Child[] children, HashValue[] cache, int start, int width) {
    if (width == 1) {
      return children[start] == null ? JmtHashing.PLACEHOLDER : children[start].hash();
    }
    int h = 16 / width + start / width;
    HashValue cached = cache[h];
    if (cached == null) {
      cached = computeRangeHash(children, cache, start, width);
      cache[h] = cached;
    }
    return cached;
  }

  /** Forgets the cached hashes of the four ranges that contain {@code nibble}. */
  static void invalidateRangeHashes(HashValue[] cache, int nibble) {
    for (int h = (16 + nibble) >> 1; h > 0; h >>= 1) {
      cache[h] = null;
    }
  }

  private static HashValue computeRangeHash(Child[] children, HashValue[] cache, int start, int width) {
    int count = 0;
    Child only = null;
    for (int i = start; i < start + width; i++) {
      if (children[i] != null) {
        count++;
        only = children[i];
      }
    }
    if (count == 0) {
      return JmtHashing.PLACEHOLDER;
    }
    if (count == 1 && only.leaf()) {
      return only.hash();
    }
    int half = width / 2;
    return JmtHashing.internal(rangeHash(children, cache, start, half), rangeHash(children, cache, start + half, half));
  }

  /** The number of children in {@code [start, start + width)}. */
  int countIn(int start, int width) {
    int count = 0;
    for (int i = start; i < start + width; i++) {
      if (children[i] != null) {
        count++;
      }
    }
    return count;
  }

  /** The lowest nibble in {@code [start, start + width)} holding a child, or -1. */
  int firstIn(int start, int width) {
    for (int i = start; i < start + width; i++) {
      if (children[i] != null) {
        return i;
      }
    }
    return -1;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof InternalNode n && Arrays.equals(n.children, children);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(children);
  }

  @Override
  public String toString() {
    return "Internal(" + Integer.toBinaryString(existenceBitmap()) + ")";
  }
}
