package io.astraea.crypto;

import java.util.HexFormat;

/**
 * The encodings of the eight Edwards25519 points of small order (and the non-canonical
 * sign-flipped forms of those with x = 0). A signature whose R is one of these is refused: such an
 * R lets a signature verify under more than one key.
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
