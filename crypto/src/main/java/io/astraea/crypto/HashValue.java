package io.astraea.crypto;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.HexFormat;

/**
 * A 32-byte SHA3-256 digest. Immutable; compares as unsigned big-endian bytes.
 *
 * <p>The bytes are kept as four big-endian 64-bit words inside the object rather than in an array
 * beside it. The Merkle trees hold hundreds of thousands of hashes and read them in every node
 * hash, node encoding and map lookup; with the words inline, reading a hash is one memory access
 * fewer, comparing two is four word compares, and a hash takes 48 bytes of heap instead of 64.
 */
public final class HashValue implements Comparable<HashValue> {
  public static final int LENGTH = 32;

  private static final VarHandle BE = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

  /** The all-zero hash (Diem's placeholder for "nothing here"). */
  public static final HashValue ZERO = new HashValue(0, 0, 0, 0);

  /** Bytes 0-7, 8-15, 16-23 and 24-31, each word big-endian. */
  private final long w0;
  private final long w1;
  private final long w2;
  private final long w3;

  HashValue(long w0, long w1, long w2, long w3) {
    this.w0 = w0;
    this.w1 = w1;
    this.w2 = w2;
    this.w3 = w3;
  }

  /** The hash of exactly 32 bytes (the array is not kept). */
  public static HashValue wrap(byte[] bytes) {
    if (bytes.length != LENGTH) {
      throw new IllegalArgumentException("a hash is 32 bytes, got " + bytes.length);
    }
    return of(bytes);
  }

  /** The hash in a digest's 32 bytes, which the caller has checked; the array is not kept. */
  static HashValue of(byte[] bytes) {
    return new HashValue((long) BE.get(bytes, 0), (long) BE.get(bytes, 8), (long) BE.get(bytes, 16),
        (long) BE.get(bytes, 24));
  }

  /**
   * The hash whose four big-endian words are {@code words[at .. at + 3]}: the form flat arrays of
   * hashes (the Jellyfish tree's nodes) keep them in.
   */
  public static HashValue ofWords(long[] words, int at) {
    return new HashValue(words[at], words[at + 1], words[at + 2], words[at + 3]);
  }

  /** Parses 64 hex digits, with or without a {@code 0x} prefix. */
  public static HashValue fromHex(String hex) {
    String h = hex.startsWith("0x") || hex.startsWith("0X") ? hex.substring(2) : hex;
    if (h.length() != LENGTH * 2) {
      throw new IllegalArgumentException("a hash is 64 hex digits, got " + h.length());
    }
    return of(HexFormat.of().parseHex(h));
  }

  /** SHA3-256 of the given bytes. */
  public static HashValue sha3Of(byte[] data) {
    return Sha3.hash(data);
  }

  /** Big-endian word {@code i} (0 to 3): bytes {@code 8i} to {@code 8i + 7}. */
  long word(int i) {
    return switch (i) {
      case 0 -> w0;
      case 1 -> w1;
      case 2 -> w2;
      case 3 -> w3;
      default -> throw new IndexOutOfBoundsException(i);
    };
  }

  public byte[] toBytes() {
    byte[] out = new byte[LENGTH];
    copyTo(out, 0);
    return out;
  }

  /** Returns the byte at {@code index} without copying. */
  public byte byteAt(int index) {
    return (byte) (word(index >> 3) >>> (56 - 8 * (index & 7)));
  }

  /** The {@code index}-th 4-bit nibble, most significant first (used by the Jellyfish tree). */
  public int nibble(int index) {
    return (int) (word(index >> 4) >>> (60 - 4 * (index & 15))) & 0x0f;
  }

  /** The {@code index}-th bit, most significant first. */
  public boolean bit(int index) {
    return ((word(index >> 6) >>> (63 - (index & 63))) & 1) != 0;
  }

  public String toHex() {
    return HexFormat.of().formatHex(toBytes());
  }

  /** Copies the bytes into {@code dest} at {@code offset}. */
  public void copyTo(byte[] dest, int offset) {
    BE.set(dest, offset, w0);
    BE.set(dest, offset + 8, w1);
    BE.set(dest, offset + 16, w2);
    BE.set(dest, offset + 24, w3);
  }

  /** Copies the four big-endian words into {@code dest[at .. at + 3]} (see {@link #ofWords}). */
  public void copyTo(long[] dest, int at) {
    dest[at] = w0;
    dest[at + 1] = w1;
    dest[at + 2] = w2;
    dest[at + 3] = w3;
  }

  /** Whether this is the hash whose words are {@code words[at .. at + 3]}. */
  public boolean equalsWords(long[] words, int at) {
    return words[at] == w0 && words[at + 1] == w1 && words[at + 2] == w2 && words[at + 3] == w3;
  }

  @Override
  public int compareTo(HashValue o) {
    int c = Long.compareUnsigned(w0, o.w0);
    if (c == 0) {
      c = Long.compareUnsigned(w1, o.w1);
    }
    if (c == 0) {
      c = Long.compareUnsigned(w2, o.w2);
    }
    return c != 0 ? c : Long.compareUnsigned(w3, o.w3);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof HashValue h && h.w0 == w0 && h.w1 == w1 && h.w2 == w2 && h.w3 == w3;
  }

  /** The first four bytes, big-endian: a hash's bytes are already uniformly spread. */
  @Override
  public int hashCode() {
    return (int) (w0 >>> 32);
  }

  @Override
  public String toString() {
    return toHex();
  }
}
