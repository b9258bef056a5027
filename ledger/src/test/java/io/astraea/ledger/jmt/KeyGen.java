package io.astraea.ledger.jmt;

import io.astraea.crypto.HashValue;
import java.util.List;
import java.util.Random;

/**
 * Random keys for tree tests. Uniform keys almost never share more than a few nibbles, so with
 * some probability a key is an existing one with a single bit flipped anywhere in its 256 bits,
 * which exercises deep shared prefixes and splits at every level.
 */
final class KeyGen {
  private KeyGen() {}

  static HashValue next(Random rnd, List<HashValue> existing) {
    if (!existing.isEmpty() && rnd.nextInt(4) == 0) {
      byte[] b = existing.get(rnd.nextInt(existing.size())).toBytes();
      int bit = rnd.nextInt(256);
      b[bit >> 3] ^= (byte) (0x80 >>> (bit & 7));
      return HashValue.wrap(b);
    }
    byte[] b = new byte[32];
    rnd.nextBytes(b);
    return HashValue.wrap(b);
  }

  static byte[] value(Random rnd) {
    byte[] v = new byte[1 + rnd.nextInt(40)];
    rnd.nextBytes(v);
    return v;
  }
}
