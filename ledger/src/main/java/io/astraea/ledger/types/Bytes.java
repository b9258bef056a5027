package io.astraea.ledger.types;

import io.astraea.crypto.bcs.BcsEncodable;
import io.astraea.crypto.bcs.BcsException;
import io.astraea.crypto.bcs.BcsReader;
import io.astraea.crypto.bcs.BcsWriter;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * An immutable byte string with value equality, so that records holding script code, event data
 * or write-set values compare by content. BCS form: a ULEB128 length followed by the bytes.
 */
public final class Bytes implements BcsEncodable, Comparable<Bytes> {
  public static final Bytes EMPTY = new Bytes(new byte[0]);

  private final byte[] bytes;

  private Bytes(byte[] bytes) {
    this.bytes = bytes;
  }

  /** Copies {@code bytes}. */
  public static Bytes of(byte[] bytes) {
    return bytes.length == 0 ? EMPTY : new Bytes(bytes.clone());
  }

  /** Parses hex with or without a {@code 0x} prefix. */
  public static Bytes fromHex(String hex) {
    String h = hex.startsWith("0x") || hex.startsWith("0X") ? hex.substring(2) : hex;
    return of(HexFormat.of().parseHex(h));
  }

  public static Bytes decode(BcsReader r) throws BcsException {
    byte[] b = r.readBytes();
    return b.length == 0 ? EMPTY : new Bytes(b);
  }

  @Override
  public void serialize(BcsWriter w) {
    w.writeBytes(bytes);
  }

  /** A copy of the content. */
  public byte[] toArray() {
    return bytes.clone();
  }

  public int length() {
    return bytes.length;
  }

  public byte get(int index) {
    return bytes[index];
  }

  public boolean isEmpty() {
    return bytes.length == 0;
  }

  public String toHex() {
    return HexFormat.of().formatHex(bytes);
  }

  @Override
  public int compareTo(Bytes o) {
    return Arrays.compareUnsigned(bytes, o.bytes);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Bytes b && Arrays.equals(bytes, b.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    return bytes.length <= 64 ? toHex() : toHex().substring(0, 128) + "…(" + bytes.length + " bytes)";
  }
}
