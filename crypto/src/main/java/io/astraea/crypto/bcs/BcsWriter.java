package io.astraea.crypto.bcs;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * Binary Canonical Serialization writer: little-endian fixed-width integers, ULEB128 lengths and
 * enum tags, fields in declaration order, maps sorted by the bytes of their encoded keys.
 */
public final class BcsWriter {
  private byte[] buf;
  private int size;

  public BcsWriter() {
    this(64);
  }

  public BcsWriter(int initialCapacity) {
    buf = new byte[Math.max(16, initialCapacity)];
  }

  private void ensure(int extra) {
    if (size + extra > buf.length) {
      buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + extra));
    }
  }

  public BcsWriter writeBool(boolean v) {
    return writeU8(v ? 1 : 0);
  }

  public BcsWriter writeU8(int v) {
    ensure(1);
    buf[size++] = (byte) v;
    return this;
  }

  public BcsWriter writeU16(int v) {
    ensure(2);
    buf[size++] = (byte) v;
    buf[size++] = (byte) (v >>> 8);
    return this;
  }

  public BcsWriter writeU32(long v) {
    ensure(4);
    for (int i = 0; i < 4; i++) {
      buf[size++] = (byte) (v >>> (8 * i));
    }
    return this;
  }

  /** Writes a u64; Java's {@code long} is read as unsigned. */
  public BcsWriter writeU64(long v) {
    ensure(8);
    for (int i = 0; i < 8; i++) {
      buf[size++] = (byte) (v >>> (8 * i));
    }
    return this;
  }

  /** Writes a u128 from a non-negative value below 2^128. */
  public BcsWriter writeU128(BigInteger v) {
    if (v.signum() < 0 || v.bitLength() > 128) {
      throw new IllegalArgumentException("u128 out of range: " + v);
    }
    byte[] be = v.toByteArray();
    ensure(16);
    for (int i = 0; i < 16; i++) {
      int src = be.length - 1 - i;
      buf[size++] = src >= 0 ? be[src] : 0;
    }
    return this;
  }

  /** Writes an unsigned LEB128 value (lengths, enum tags); {@code v} is unsigned 32-bit. */
  public BcsWriter writeUleb128(long v) {
    if (v < 0 || v > 0xFFFF_FFFFL) {
      throw new IllegalArgumentException("ULEB128 value out of u32 range: " + v);
    }
    ensure(5);
    while (v >= 0x80) {
      buf[size++] = (byte) ((v & 0x7f) | 0x80);
      v >>>= 7;
    }
    buf[size++] = (byte) v;
    return this;
  }

  /** Writes an enum variant index. */
  public BcsWriter writeVariant(int index) {
    return writeUleb128(index);
  }

  /** Writes raw bytes with no length prefix (fixed-size arrays). */
  public BcsWriter writeFixedBytes(byte[] v) {
    ensure(v.length);
    System.arraycopy(v, 0, buf, size, v.length);
    size += v.length;
    return this;
  }

  /** Writes a length-prefixed byte vector. */
  public BcsWriter writeBytes(byte[] v) {
    writeUleb128(v.length);
    return writeFixedBytes(v);
  }

  public BcsWriter writeString(String s) {
    return writeBytes(s.getBytes(StandardCharsets.UTF_8));
  }

  public <T> BcsWriter writeOption(Optional<T> v, BiConsumer<BcsWriter, T> element) {
    if (v.isPresent()) {
      writeU8(1);
      element.accept(this, v.get());
    } else {
      writeU8(0);
    }
    return this;
  }

  /** Writes an option of a value that may be {@code null} (absent). */
  public <T> BcsWriter writeNullable(T v, BiConsumer<BcsWriter, T> element) {
    return writeOption(Optional.ofNullable(v), element);
  }

  public <T> BcsWriter writeSeq(Collection<? extends T> items, BiConsumer<BcsWriter, T> element) {
    writeUleb128(items.size());
    for (T t : items) {
      element.accept(this, t);
    }
    return this;
  }

  /** Writes a sequence of encodable values. */
  public BcsWriter writeSeq(Collection<? extends BcsEncodable> items) {
    writeUleb128(items.size());
    for (BcsEncodable t : items) {
      t.serialize(this);
    }
    return this;
  }

  public BcsWriter write(BcsEncodable v) {
    v.serialize(this);
    return this;
  }

  /**
   * Writes a map in canonical order: entries sorted by the unsigned lexicographic order of their
   * encoded keys, whatever the iteration order of {@code map}. Duplicate encoded keys are rejected.
   */
  public <K, V> BcsWriter writeMap(
      Map<K, V> map, BiConsumer<BcsWriter, K> keyEnc, BiConsumer<BcsWriter, V> valueEnc) {
    List<byte[][]> entries = new ArrayList<>(map.size());
    for (Map.Entry<K, V> e : map.entrySet()) {
      BcsWriter k = new BcsWriter(16);
      keyEnc.accept(k, e.getKey());
      BcsWriter v = new BcsWriter(16);
      valueEnc.accept(v, e.getValue());
      entries.add(new byte[][] {k.toByteArray(), v.toByteArray()});
    }
    entries.sort((a, b) -> Arrays.compareUnsigned(a[0], b[0]));
    for (int i = 1; i < entries.size(); i++) {
      if (Arrays.equals(entries.get(i - 1)[0], entries.get(i)[0])) {
        throw new IllegalArgumentException("two map keys have the same encoding");
      }
    }
    writeUleb128(entries.size());
    for (byte[][] e : entries) {
      writeFixedBytes(e[0]);
      writeFixedBytes(e[1]);
    }
    return this;
  }

  public int size() {
    return size;
  }

  public byte[] toByteArray() {
    return Arrays.copyOf(buf, size);
  }
}
