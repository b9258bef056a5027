package io.astraea.crypto.bcs;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Strict BCS reader. Every malformation is a {@link BcsException} with the offset: truncated
 * input, non-canonical ULEB128, lengths beyond the remaining input, invalid bools or option tags,
 * invalid UTF-8, unsorted or duplicate map keys, container depth over {@value #MAX_DEPTH}, and
 * (via {@link #decode}) trailing bytes.
 */
public final class BcsReader {
  /** Diem's maximum container nesting depth. */
  public static final int MAX_DEPTH = 500;

  private final byte[] buf;
  private final int end;
  private int pos;
  private int depth;

  public BcsReader(byte[] buf) {
    this(buf, 0, buf.length);
  }

  public BcsReader(byte[] buf, int offset, int length) {
    if (offset < 0 || length < 0 || offset + length > buf.length) {
      throw new IndexOutOfBoundsException("bad slice");
    }
    this.buf = buf;
    this.pos = offset;
    this.end = offset + length;
  }

  /** Decodes exactly one value from {@code bytes}; trailing bytes are an error. */
  public static <T> T decode(byte[] bytes, BcsDecoder<T> decoder) throws BcsException {
    BcsReader r = new BcsReader(bytes);
    T value = decoder.decode(r);
    r.expectEnd();
    return value;
  }

  public int position() {
    return pos;
  }

  public int remaining() {
    return end - pos;
  }

  public void expectEnd() throws BcsException {
    if (pos != end) {
      throw new BcsException((end - pos) + " trailing bytes", pos);
    }
  }

  private void need(int n) throws BcsException {
    if (n < 0 || end - pos < n) {
      throw new BcsException("need " + n + " bytes, " + (end - pos) + " remain", pos);
    }
  }

  /** Enters a nested container (sequence, option, map, enum or struct); pair with {@link #leave}. */
  public void enter() throws BcsException {
    if (++depth > MAX_DEPTH) {
      throw new BcsException("container depth exceeds " + MAX_DEPTH, pos);
    }
  }

  public void leave() {
    depth--;
  }

  public boolean readBool() throws BcsException {
    int at = pos;
    int b = readU8();
    if (b > 1) {
      throw new BcsException("invalid bool " + b, at);
    }
    return b == 1;
  }

  public int readU8() throws BcsException {
    need(1);
    return buf[pos++] & 0xff;
  }

  public int readU16() throws BcsException {
    need(2);
    int v = (buf[pos] & 0xff) | (buf[pos + 1] & 0xff) << 8;
    pos += 2;
    return v;
  }

  public long readU32() throws BcsException {
    need(4);
    long v = 0;
    for (int i = 0; i < 4; i++) {
      v |= (long) (buf[pos + i] & 0xff) << (8 * i);
    }
    pos += 4;
    return v;
  }

  /** Reads a u64 into a {@code long} holding the same 64 bits (compare with unsigned methods). */
  public long readU64() throws BcsException {
    need(8);
    long v = 0;
    for (int i = 0; i < 8; i++) {
      v |= (long) (buf[pos + i] & 0xff) << (8 * i);
    }
    pos += 8;
    return v;
  }

  public BigInteger readU128() throws BcsException {
    need(16);
    byte[] be = new byte[17];
    for (int i = 0; i < 16; i++) {
      be[16 - i] = buf[pos + i];
    }
    pos += 16;
    return new BigInteger(be);
  }

  /** Reads a canonical ULEB128 that fits in a u32. */
  public long readUleb128() throws BcsException {
    int start = pos;
    long value = 0;
    for (int shift = 0; shift < 35; shift += 7) {
      int b = readU8();
      long digit = b & 0x7f;
      value |= digit << shift;
      if ((b & 0x80) == 0) {
        if (shift > 0 && digit == 0) {
          throw new BcsException("non-canonical ULEB128", start);
        }
        if (value > 0xFFFF_FFFFL) {
          throw new BcsException("ULEB128 overflows u32", start);
        }
        return value;
      }
    }
    throw new BcsException("ULEB128 longer than 5 bytes", start);
  }

  /** Reads an enum variant tag and checks it is below {@code variantCount}. */
  public int readVariant(int variantCount) throws BcsException {
    int at = pos;
    long v = readUleb128();
    if (v >= variantCount) {
      throw new BcsException("unknown variant " + v + " (expected < " + variantCount + ")", at);
    }
    return (int) v;
  }

  /** Reads a sequence/byte length and checks it does not exceed the remaining input. */
  public int readLength() throws BcsException {
    int at = pos;
    long len = readUleb128();
    if (len > remaining()) {
      throw new BcsException("length " + len + " exceeds the " + remaining() + " remaining bytes", at);
    }
    return (int) len;
  }

  public byte[] readFixedBytes(int n) throws BcsException {
    need(n);
    byte[] out = Arrays.copyOfRange(buf, pos, pos + n);
    pos += n;
    return out;
  }

  public byte[] readBytes() throws BcsException {
    return readFixedBytes(readLength());
  }

  public String readString() throws BcsException {
    int at = pos;
    byte[] b = readBytes();
    if (isAscii(b)) {
      // ASCII is valid UTF-8 and decodes to the same characters: no decoder needed. Protocol
      // strings (module, function and currency names) are ASCII, and a block decodes thousands.
      return new String(b, StandardCharsets.US_ASCII);
    }
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(b))
          .toString();
    } catch (CharacterCodingException e) {
      throw new BcsException("invalid UTF-8 string", at);
    }
  }

  private static boolean isAscii(byte[] b) {
    for (byte x : b) {
      if (x < 0) {
        return false;
      }
    }
    return true;
  }

  public <T> Optional<T> readOption(BcsDecoder<T> element) throws BcsException {
    int at = pos;
    int tag = readU8();
    if (tag == 0) {
      return Optional.empty();
    }
    if (tag != 1) {
      throw new BcsException("invalid option tag " + tag, at);
    }
    enter();
    T v = element.decode(this);
    leave();
    return Optional.of(v);
  }

  /** Reads an option as a nullable value. */
  public <T> T readNullable(BcsDecoder<T> element) throws BcsException {
    return readOption(element).orElse(null);
  }

  /**
   * Reads a sequence. A declared length above the remaining byte count is refused before anything
   * is allocated: every element of a protocol type encodes to at least one byte, so such a length
   * can only be hostile. (Sequences of zero-sized elements, which BCS itself would allow, are
   * therefore not supported; no Diem wire type has them.)
   */
  public <T> List<T> readSeq(BcsDecoder<T> element) throws BcsException {
    int at = pos;
    long len = readUleb128();
    if (len > remaining()) {
      throw new BcsException("sequence length " + len + " exceeds the remaining input", at);
    }
    enter();
    List<T> out = new ArrayList<>((int) len);
    for (long i = 0; i < len; i++) {
      out.add(element.decode(this));
    }
    leave();
    return Collections.unmodifiableList(out);
  }

  /**
   * Reads a map whose keys must be strictly increasing by encoded bytes (canonical form). As for
   * {@link #readSeq}, a declared entry count above the remaining byte count is refused at once.
   */
  public <K, V> Map<K, V> readMap(BcsDecoder<K> keyDec, BcsDecoder<V> valueDec) throws BcsException {
    int at = pos;
    long len = readUleb128();
    if (len > remaining()) {
      throw new BcsException("map length " + len + " exceeds the remaining input", at);
    }
    enter();
    Map<K, V> out = new LinkedHashMap<>();
    int prevStart = -1;
    int prevEnd = -1;
    for (long i = 0; i < len; i++) {
      int keyStart = pos;
      K k = keyDec.decode(this);
      int keyEnd = pos;
      if (prevStart >= 0
          && Arrays.compareUnsigned(buf, prevStart, prevEnd, buf, keyStart, keyEnd) >= 0) {
        throw new BcsException("map keys not in strictly increasing canonical order", keyStart);
      }
      prevStart = keyStart;
      prevEnd = keyEnd;
      out.put(k, valueDec.decode(this));
    }
    leave();
    return Collections.unmodifiableMap(out);
  }
}
