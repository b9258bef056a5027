package io.astraea.crypto;

import java.util.Arrays;
import java.util.HexFormat;

/** A 32-byte SHA3-256 digest. Immutable; compares as unsigned big-endian bytes. */
public final class HashValue implements Comparable<HashValue> {
  public static final int LENGTH = 32;
  /** The all-zero hash (Diem's placeholder for "nothing here"). */
  public static final HashValue ZERO = new HashValue(new byte[LENGTH]);

  private final byte[] bytes;

  private HashValue(byte[] bytes) {
    this.bytes = bytes;
  }

  /** Wraps a copy of exactly 32 bytes. */
  public static HashValue wrap(byte[] bytes) {
    if (bytes.length != LENGTH) {
      throw new IllegalArgumentException("a hash is 32 bytes, got " + bytes.length);
    }
    return new HashValue(bytes.clone());
  }

  /** Takes ownership of the array without copying; the caller must not modify it later. */
  static HashValue adopt(byte[] bytes) {
    return new HashValue(bytes);
  }

  /** Parses 64 hex digits, with or without a {@code 0x} prefix. */
  public static HashValue fromHex(String hex) {
    String h = hex.startsWith("0x") || hex.startsWith("0X") ? hex.substring(2) : hex;
    if (h.length() != LENGTH * 2) {
      throw new IllegalArgumentException("a hash is 64 hex digits, got " + h.length());
    }
    return new HashValue(HexFormat.of().parseHex(h));
  }

  /** SHA3-256 of the given bytes. */
  public static HashValue sha3Of(byte[] data) {
    return Sha3.hash(data);
  }

  /** The backing array itself, for hashing without a copy; callers must never modify it. */
  byte[] rawBytes() {
    return bytes;
  }

  public byte[] toBytes() {
    return bytes.clone();
  }

  /** Returns the byte at {@code index} without copying. */
  public byte byteAt(int index) {
    return bytes[index];
  }

  /** The {@code index}-th 4-bit nibble, most significant first (used by the Jellyfish tree). */
  public int nibble(int index) {
    int b = bytes[index >> 1] & 0xff;
    return (index & 1) == 0 ? b >>> 4 : b & 0x0f;
  }

  /** The {@code index}-th bit, most significant first. */
  public boolean bit(int index) {
    return ((bytes[index >> 3] >> (7 - (index & 7))) & 1) != 0;
  }

  public String toHex() {
    return HexFormat.of().formatHex(bytes);
  }

  /** Copies the bytes into {@code dest} at {@code offset}. */
  public void copyTo(byte[] dest, int offset) {
    System.arraycopy(bytes, 0, dest, offset, LENGTH);
  }

  @Override
  public int compareTo(HashValue o) {
    return Arrays.compareUnsigned(bytes, o.bytes);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof HashValue h && Arrays.equals(bytes, h.bytes);
  }

  @Override
  public int hashCode() {
    return (bytes[0] & 0xff) << 24 | (bytes[1] & 0xff) << 16 | (bytes[2] & 0xff) << 8 | (bytes[3] & 0xff);
  }

  @Override
  public String toString() {
    return toHex();
  }
}
