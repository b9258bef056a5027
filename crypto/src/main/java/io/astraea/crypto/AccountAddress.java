package io.astraea.crypto;

import io.astraea.crypto.bcs.BcsEncodable;
import io.astraea.crypto.bcs.BcsException;
import io.astraea.crypto.bcs.BcsReader;
import io.astraea.crypto.bcs.BcsWriter;
import java.util.Arrays;
import java.util.HexFormat;

/** A 16-byte Diem account address, BCS-encoded as a fixed array (no length prefix). */
public final class AccountAddress implements BcsEncodable, Comparable<AccountAddress> {
  public static final int LENGTH = 16;

  private final byte[] bytes;

  private AccountAddress(byte[] bytes) {
    this.bytes = bytes;
  }

  public static AccountAddress fromBytes(byte[] bytes) throws CryptoMaterialException {
    if (bytes.length != LENGTH) {
      throw new CryptoMaterialException("an account address is 16 bytes, got " + bytes.length);
    }
    return new AccountAddress(bytes.clone());
  }

  /**
   * Parses hex, with or without {@code 0x}; shorter forms are left-padded with zeros, so
   * {@code 0xA550C18} is the association root.
   */
  /** The address in the last {@value #LENGTH} bytes of {@code bytes} (an authentication key's). */
  static AccountAddress lastBytesOf(byte[] bytes) {
    return new AccountAddress(Arrays.copyOfRange(bytes, bytes.length - LENGTH, bytes.length));
  }

  public static AccountAddress fromHex(String hex) throws CryptoMaterialException {
    String h = hex.startsWith("0x") || hex.startsWith("0X") ? hex.substring(2) : hex;
    if (h.isEmpty() || h.length() > LENGTH * 2) {
      throw new CryptoMaterialException("an account address is 1 to 32 hex digits: '" + hex + "'");
    }
    if ((h.length() & 1) == 1) {
      h = "0" + h;
    }
    byte[] parsed;
    try {
      parsed = HexFormat.of().parseHex(h);
    } catch (IllegalArgumentException e) {
      throw new CryptoMaterialException("account address is not hex: '" + hex + "'");
    }
    byte[] out = new byte[LENGTH];
    System.arraycopy(parsed, 0, out, LENGTH - parsed.length, parsed.length);
    return new AccountAddress(out);
  }

  /** For constants in code; throws {@link IllegalArgumentException} on malformed input. */
  public static AccountAddress of(String hex) {
    try {
      return fromHex(hex);
    } catch (CryptoMaterialException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
  }

  public static AccountAddress decode(BcsReader r) throws BcsException {
    return new AccountAddress(r.readFixedBytes(LENGTH));
  }

  @Override
  public void serialize(BcsWriter w) {
    w.writeFixedBytes(bytes);
  }

  public byte[] toBytes() {
    return bytes.clone();
  }

  /** 32 lower-case hex digits, no prefix (Diem's JSON-RPC form). */
  public String toHex() {
    return HexFormat.of().formatHex(bytes);
  }

  @Override
  public int compareTo(AccountAddress o) {
    return Arrays.compareUnsigned(bytes, o.bytes);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof AccountAddress a && Arrays.equals(bytes, a.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    return toHex();
  }
}
