package io.astraea.crypto;

import java.util.HexFormat;

/** Parsing of operator- and client-supplied hex, with or without a {@code 0x} prefix. */
public final class Hex {
  private Hex() {}

  /** The bytes of {@code hex}; {@code what} names the value in the error message. */
  public static byte[] parse(String hex, String what) throws CryptoMaterialException {
    String h = hex.startsWith("0x") || hex.startsWith("0X") ? hex.substring(2) : hex;
    try {
      return HexFormat.of().parseHex(h);
    } catch (IllegalArgumentException e) {
      throw new CryptoMaterialException(what + " is not hex: '" + hex + "'");
    }
  }
}
