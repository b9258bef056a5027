package io.astraea.ledger.jmt;

import io.astraea.crypto.HashValue;
import java.util.Arrays;

/**
 * A path of 4-bit nibbles from the root, at most 64 long (the nibbles of a 32-byte key). Packed
 * two nibbles per byte, most significant first; an odd-length path has a zero low nibble in its
 * last byte, so equal paths have equal bytes.
 */
public final class NibblePath implements Comparable<NibblePath> {
  /** The longest path: every nibble of a 256-bit key. */
  public static final int MAX_NIBBLES = HashValue.LENGTH * 2;

  /** FNV-1a's offset basis: the running hash of the empty path. */
  private static final int FNV_BASIS = 0x811c9dc5;
  private static final int FNV_PRIME = 0x01000193;

  /** How many leading nibbles {@link #head} holds. */
  private static final int HEAD_NIBBLES = 16;

  public static final NibblePath EMPTY = new NibblePath(new byte[0], 0, FNV_BASIS, 0L);

  private final byte[] bytes;
  private final int length;
  /**
   * FNV-1a over the nibbles, extended by one step in {@link #child}: a path's hash costs nothing
   * when it is made from its parent, as the tree's walks make every path they look up. Paths key
   * the hash maps of reads and caches, and {@code Arrays.hashCode} of two or three packed bytes
   * collides so often there that buckets degrade into trees.
   */
  private final int running;
  /**
   * The first {@link #HEAD_NIBBLES} nibbles, most significant first, zero beyond the path's end: a
   * copy of the start of {@link #bytes} inside the object. Paths are compared on every cache and
   * map lookup, and a path is longer only where two keys share their first 64 bits, which hashed
   * keys practically never do; comparing this field instead of the arrays saves following a
   * pointer to memory the lookup has not touched yet.
   */
  private final long head;

  private NibblePath(byte[] bytes, int length, int running, long head) {
    this.bytes = bytes;
    this.length = length;
    this.running = running;
    this.head = head;
  }

  private static long withNibble(long head, int index, int nibble) {
    return index < HEAD_NIBBLES ? head | ((long) nibble << (60 - 4 * index)) : head;
  }

  private static int step(int running, int nibble) {
    return (running ^ nibble) * FNV_PRIME;
  }

  /** Rebuilds a path from its packed bytes, rejecting a non-zero padding nibble. */
  public static NibblePath fromPacked(byte[] packed, int numNibbles) {
    if (numNibbles < 0 || numNibbles > MAX_NIBBLES || packed.length != (numNibbles + 1) / 2) {
      throw new IllegalArgumentException("bad nibble path: " + numNibbles + " nibbles in " + packed.length + " bytes");
    }
    if ((numNibbles & 1) == 1 && (packed[packed.length - 1] & 0x0f) != 0) {
      throw new IllegalArgumentException("odd nibble path with non-zero padding");
    }
    int running = FNV_BASIS;
    long head = 0;
    for (int i = 0; i < numNibbles; i++) {
      int b = packed[i >> 1] & 0xff;
      int nibble = (i & 1) == 0 ? b >>> 4 : b & 0x0f;
      running = step(running, nibble);
      head = withNibble(head, i, nibble);
    }
    return new NibblePath(packed.clone(), numNibbles, running, head);
  }

  /** The first {@code numNibbles} nibbles of {@code key}. */
  public static NibblePath prefixOf(HashValue key, int numNibbles) {
    NibblePath p = EMPTY;
    for (int i = 0; i < numNibbles; i++) {
      p = p.child(key.nibble(i));
    }
    return p;
  }

  /** This path extended by one nibble. */
  public NibblePath child(int nibble) {
    if (nibble < 0 || nibble > 15) {
      throw new IllegalArgumentException("nibble out of range: " + nibble);
    }
    if (length == MAX_NIBBLES) {
      throw new IllegalStateException("nibble path already at full depth");
    }
    byte[] b = Arrays.copyOf(bytes, (length + 2) / 2);
    if ((length & 1) == 0) {
      b[length / 2] = (byte) (nibble << 4);
    } else {
      b[length / 2] = (byte) (b[length / 2] | nibble);
    }
    return new NibblePath(b, length + 1, step(running, nibble), withNibble(head, length, nibble));
  }

  public int length() {
    return length;
  }

  public int nibble(int index) {
    if (index < 0 || index >= length) {
      throw new IndexOutOfBoundsException(index);
    }
    int b = bytes[index >> 1] & 0xff;
    return (index & 1) == 0 ? b >>> 4 : b & 0x0f;
  }

  /** The packed bytes (a copy). */
  public byte[] packed() {
    return bytes.clone();
  }

  int packedLength() {
    return bytes.length;
  }

  void copyPackedTo(byte[] dest, int offset) {
    System.arraycopy(bytes, 0, dest, offset, bytes.length);
  }

  @Override
  public int compareTo(NibblePath o) {
    int c = Arrays.compareUnsigned(bytes, o.bytes);
    return c != 0 ? c : Integer.compare(length, o.length);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof NibblePath p && p.length == length && p.head == head
        && (length <= HEAD_NIBBLES || Arrays.equals(p.bytes, bytes));
  }

  @Override
  public int hashCode() {
    // Murmur3's final avalanche over the running hash and the length.
    int h = running ^ length;
    h ^= h >>> 16;
    h *= 0x85ebca6b;
    h ^= h >>> 13;
    h *= 0xc2b2ae35;
    return h ^ (h >>> 16);
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      sb.append(Character.forDigit(nibble(i), 16));
    }
    return sb.toString();
  }
}
