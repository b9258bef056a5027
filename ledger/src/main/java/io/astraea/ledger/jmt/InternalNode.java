package io.astraea.ledger.jmt;

import io.astraea.crypto.HashValue;
import java.util.Arrays;
import java.util.Optional;

/**
 * An internal node with up to 16 children indexed by nibble. Its hash is the root of the four
 * binary levels the nibble stands for (see {@link NodeLayout}).
 *
 * <p>Immutable: the children, and every binary range hash the node's hash depends on, are fixed
 * at construction, so nodes are shared between threads (caches, readers, the updater) with nothing
 * computed lazily. {@link Child} records are made only for callers that ask for them.
 *
 * <p>The contents are one packed array: for the {@code n} children, lowest nibble first, their
 * hashes (four words each, see {@link HashValue#ofWords}), then their versions, then the hashes of
 * the binary ranges that took a hash to compute, lowest range first. The other ranges are empty or
 * lift a single leaf and are read off the children. Packed rather than in {@link NodeLayout}'s
 * sixteen slots because most nodes of a large tree are near the leaves with two or three children:
 * at a million accounts about three in four. Such a node takes about 250 bytes, a full one 1.2 KB.
 */
public final class InternalNode implements Node {
  private final int existence;
  private final int leaves;
  /** The ranges whose hash {@link #packed} holds: those that took a hash to compute. */
  private final int hashedRanges;
  private final long[] packed;

  /**
   * The node of {@code words} in {@link NodeLayout}'s form, whose range hashes in {@code
   * validRanges} are current; the others are computed here, into {@code words}, which is not kept.
   */
  private InternalNode(int existence, int leaves, long[] words, int validRanges) {
    if (existence == 0 || (existence & ~0xFFFF) != 0) {
      throw new IllegalArgumentException("an internal node needs at least one child, at most 16");
    }
    if ((leaves & ~existence) != 0) {
      throw new IllegalArgumentException("a leaf bit without a child");
    }
    if (words.length != NodeLayout.WORDS) {
      throw new IllegalArgumentException("an internal node has " + NodeLayout.WORDS + " words");
    }
    this.existence = existence;
    this.leaves = leaves;
    int valid = NodeLayout.fill(words, existence, leaves, validRanges, NodeLayout.WHOLE);
    int hashed = 0;
    for (int m = valid; m != 0; m &= m - 1) {
      int h = Integer.numberOfTrailingZeros(m);
      int present = existence & NodeLayout.nibblesOf(h);
      if (present != 0 && !NodeLayout.isLiftedLeaf(present, leaves)) {
        hashed |= 1 << h;
      }
    }
    this.hashedRanges = hashed;
    int count = Integer.bitCount(existence);
    long[] p = new long[5 * count + 4 * Integer.bitCount(hashed)];
    int i = 0;
    for (int m = existence; m != 0; m &= m - 1, i++) {
      int nibble = Integer.numberOfTrailingZeros(m);
      System.arraycopy(words, NodeLayout.hashAt(nibble), p, 4 * i, 4);
      p[4 * count + i] = words[NodeLayout.versionAt(nibble)];
    }
    int at = 5 * count;
    for (int m = hashed; m != 0; m &= m - 1, at += 4) {
      System.arraycopy(words, NodeLayout.rangeAt(Integer.numberOfTrailingZeros(m)), p, at, 4);
    }
    this.packed = p;
  }

  /** {@code children} has 16 slots, {@code null} where there is no child; at least one is set. */
  public InternalNode(Child[] children) {
    this(existenceOf(children), leavesOf(children), wordsOf(children), 0);
  }

  /**
   * The node of {@code words} in {@link NodeLayout}'s form, whose range hashes in {@code
   * validRanges} are taken as computed. {@code words} is not kept; the missing range hashes are
   * computed into it.
   */
  static InternalNode ofWords(int existence, int leaves, long[] words, int validRanges) {
    return new InternalNode(existence, leaves, words, validRanges);
  }

  /**
   * A copy of this node with {@code newChildren}, which differ from this node's children only at
   * the nibbles set in {@code changedMask}; range hashes off the changed paths are reused.
   */
  InternalNode derive(Child[] newChildren, int changedMask) {
    long[] w = wordsOf(newChildren);
    int reused = hashedRanges & ~NodeLayout.rangesOverAny(changedMask);
    for (int m = reused; m != 0; m &= m - 1) {
      int h = Integer.numberOfTrailingZeros(m);
      System.arraycopy(packed, rangeIndex(h), w, NodeLayout.rangeAt(h), 4);
    }
    return new InternalNode(existenceOf(newChildren), leavesOf(newChildren), w, reused);
  }

  private static int existenceOf(Child[] children) {
    if (children.length != 16) {
      throw new IllegalArgumentException("an internal node has 16 child slots");
    }
    int m = 0;
    for (int i = 0; i < 16; i++) {
      if (children[i] != null) {
        m |= 1 << i;
      }
    }
    return m;
  }

  private static int leavesOf(Child[] children) {
    int m = 0;
    for (int i = 0; i < 16; i++) {
      if (children[i] != null && children[i].leaf()) {
        m |= 1 << i;
      }
    }
    return m;
  }

  private static long[] wordsOf(Child[] children) {
    long[] w = new long[NodeLayout.WORDS];
    for (int i = 0; i < children.length; i++) {
      if (children[i] != null) {
        NodeLayout.setChild(w, i, children[i].hash(), children[i].version());
      }
    }
    return w;
  }

  /** The contents in {@link NodeLayout}'s form, for a working copy to change. */
  long[] unpack() {
    long[] w = new long[NodeLayout.WORDS];
    int count = Integer.bitCount(existence);
    int i = 0;
    for (int m = existence; m != 0; m &= m - 1, i++) {
      int nibble = Integer.numberOfTrailingZeros(m);
      System.arraycopy(packed, 4 * i, w, NodeLayout.hashAt(nibble), 4);
      w[NodeLayout.versionAt(nibble)] = packed[4 * count + i];
    }
    int at = 5 * count;
    for (int m = hashedRanges; m != 0; m &= m - 1, at += 4) {
      System.arraycopy(packed, at, w, NodeLayout.rangeAt(Integer.numberOfTrailingZeros(m)), 4);
    }
    return w;
  }

  /** The ranges whose hash {@link #unpack} gives: those that took a hash. */
  int hashedRanges() {
    return hashedRanges;
  }

  /** The 64-bit words the node's contents take: five per child, four per hashed range. */
  public int packedWords() {
    return packed.length;
  }

  /** The packed contents themselves (see the class comment), to read only. */
  long[] packed() {
    return packed;
  }

  /** Where child {@code nibble}'s hash starts in {@link #packed}; the child exists. */
  int hashIndex(int nibble) {
    return 4 * Integer.bitCount(existence & ((1 << nibble) - 1));
  }

  private int rangeIndex(int h) {
    return 5 * Integer.bitCount(existence) + 4 * Integer.bitCount(hashedRanges & ((1 << h) - 1));
  }

  public Optional<Child> child(int nibble) {
    return Optional.ofNullable(childOrNull(nibble));
  }

  /** Child {@code nibble} as a record, or null if there is none. */
  Child childOrNull(int nibble) {
    if (!hasChild(nibble)) {
      return null;
    }
    return new Child(HashValue.ofWords(packed, hashIndex(nibble)), childVersion(nibble), isLeaf(nibble));
  }

  boolean hasChild(int nibble) {
    return (existence & (1 << nibble)) != 0;
  }

  boolean isLeaf(int nibble) {
    return (leaves & (1 << nibble)) != 0;
  }

  /** The version of child {@code nibble}, which exists. */
  long childVersion(int nibble) {
    return packed[4 * Integer.bitCount(existence) + Integer.bitCount(existence & ((1 << nibble) - 1))];
  }

  /** A copy of the 16 child slots. */
  public Child[] children() {
    Child[] out = new Child[16];
    for (int i = 0; i < 16; i++) {
      out[i] = childOrNull(i);
    }
    return out;
  }

  /** Bit {@code i} set when child {@code i} exists. */
  public int existenceBitmap() {
    return existence;
  }

  /** Bit {@code i} set when child {@code i} is a leaf. */
  public int leafBitmap() {
    return leaves;
  }

  @Override
  public HashValue hash() {
    return rangeHash(0, 16);
  }

  /** The hash of the binary subtree covering nibbles {@code [start, start + width)}. */
  HashValue rangeHash(int start, int width) {
    if (width == 1) {
      return hasChild(start) ? HashValue.ofWords(packed, hashIndex(start)) : JmtHashing.PLACEHOLDER;
    }
    int h = NodeLayout.range(start, width);
    if ((hashedRanges & (1 << h)) != 0) {
      return HashValue.ofWords(packed, rangeIndex(h));
    }
    // Not hashed, so empty or lifting its only child, a leaf (see the constructor).
    int present = existence & NodeLayout.nibblesOf(h);
    return present == 0 ? JmtHashing.PLACEHOLDER : HashValue.ofWords(packed, hashIndex(Integer.numberOfTrailingZeros(present)));
  }

  /** The number of children in {@code [start, start + width)}. */
  int countIn(int start, int width) {
    return Integer.bitCount(existence & (((1 << width) - 1) << start));
  }

  /** The lowest nibble in {@code [start, start + width)} holding a child, or -1. */
  int firstIn(int start, int width) {
    int present = existence & (((1 << width) - 1) << start);
    return present == 0 ? -1 : Integer.numberOfTrailingZeros(present);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof InternalNode n
        && n.existence == existence
        && n.leaves == leaves
        && Arrays.equals(n.packed, 0, 5 * Integer.bitCount(existence), packed, 0, 5 * Integer.bitCount(existence));
  }

  @Override
  public int hashCode() {
    // Equal children give equal first child hashes; a hash's words are already uniformly spread.
    return (int) packed[0] ^ existence;
  }

  @Override
  public String toString() {
    return "Internal(" + Integer.toBinaryString(existence) + ")";
  }
}
