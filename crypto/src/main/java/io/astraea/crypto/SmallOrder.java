package io.astraea.crypto;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The encodings of the eight edwards25519 points of small order (orders 1, 2, 4 and 8: the torsion
 * subgroup), plus the sign-flipped forms of the two with x = 0, which lenient decoders map to the
 * same points. A signature whose R is one of these, or a public key that is one of these, is
 * refused: such an R lets a signature verify under more than one key, and such a key lets a forger
 * produce signatures that verify without any secret. Encodings with y &gt;= p are rejected before
 * this list is consulted, so they need not be listed.
 */
final class SmallOrder {
  private static final byte[][] ENCODINGS;

  static {
    String[] hex = {
      // identity (order 1) and its x-sign-flipped form
      "0100000000000000000000000000000000000000000000000000000000000000",
      "0100000000000000000000000000000000000000000000000000000000000080",
      // order 2: y = -1
      "ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
      "ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff",
      // order 4: y = 0
      "0000000000000000000000000000000000000000000000000000000000000000",
      "0000000000000000000000000000000000000000000000000000000000000080",
      // order 8
      "c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac037a",
      "c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac03fa",
      "26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc05",
      "26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc85",
    };
    ENCODINGS = new byte[hex.length][];
    for (int i = 0; i < hex.length; i++) {
      ENCODINGS[i] = HexFormat.of().parseHex(hex[i]);
    }
  }

  private SmallOrder() {}

  /** Copies of every listed encoding. */
  static List<byte[]> encodings() {
    List<byte[]> out = new ArrayList<>(ENCODINGS.length);
    for (byte[] e : ENCODINGS) {
      out.add(e.clone());
    }
    return out;
  }

  static boolean isSmallOrderEncoding(byte[] buf, int offset) {
    outer:
    for (byte[] e : ENCODINGS) {
      for (int i = 0; i < 32; i++) {
        if (buf[offset + i] != e[i]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }
}
