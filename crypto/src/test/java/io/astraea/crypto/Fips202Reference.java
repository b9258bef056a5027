package io.astraea.crypto;

/**
 * A deliberately plain SHA3-256, written step by step from the FIPS 202 text (state as {@code
 * A[x][y]}, each step mapping a separate loop, rho offsets and round constants computed by the
 * standard's own algorithms rather than tabulated). Slow; it exists only so that the fast sponge
 * can be checked against an independent reading of the standard.
 */
final class Fips202Reference {
  private Fips202Reference() {}

  /** Keccak-f[1600] on lanes indexed {@code x + 5 * y}, in place. */
  static void keccakF(long[] lanes) {
    long[][] a = new long[5][5];
    for (int x = 0; x < 5; x++) {
      for (int y = 0; y < 5; y++) {
        a[x][y] = lanes[x + 5 * y];
      }
    }
    for (int round = 0; round < 24; round++) {
      a = iota(chi(pi(rho(theta(a)))), round);
    }
    for (int x = 0; x < 5; x++) {
      for (int y = 0; y < 5; y++) {
        lanes[x + 5 * y] = a[x][y];
      }
    }
  }

  /** SHA3-256 of {@code message}: pad10*1 after the domain bits 01, rate 1088 bits. */
  static byte[] sha3256(byte[] message) {
    int rate = 136;
    int blocks = message.length / rate + 1;
    byte[] padded = new byte[blocks * rate];
    System.arraycopy(message, 0, padded, 0, message.length);
    padded[message.length] ^= 0x06;
    padded[padded.length - 1] ^= (byte) 0x80;
    long[] s = new long[25];
    for (int b = 0; b < blocks; b++) {
      for (int i = 0; i < rate; i++) {
        s[i / 8] ^= (padded[b * rate + i] & 0xFFL) << (8 * (i % 8));
      }
      keccakF(s);
    }
    byte[] out = new byte[32];
    for (int i = 0; i < 32; i++) {
      out[i] = (byte) (s[i / 8] >>> (8 * (i % 8)));
    }
    return out;
  }

  private static long[][] theta(long[][] a) {
    long[] c = new long[5];
    for (int x = 0; x < 5; x++) {
      c[x] = a[x][0] ^ a[x][1] ^ a[x][2] ^ a[x][3] ^ a[x][4];
    }
    long[][] out = new long[5][5];
    for (int x = 0; x < 5; x++) {
      long d = c[(x + 4) % 5] ^ Long.rotateLeft(c[(x + 1) % 5], 1);
      for (int y = 0; y < 5; y++) {
        out[x][y] = a[x][y] ^ d;
      }
    }
    return out;
  }

  /** Algorithm 2: offsets (t + 1)(t + 2) / 2 along the walk (x, y) -> (y, 2x + 3y). */
  private static long[][] rho(long[][] a) {
    long[][] out = new long[5][5];
    out[0][0] = a[0][0];
    int x = 1;
    int y = 0;
    for (int t = 0; t < 24; t++) {
      out[x][y] = Long.rotateLeft(a[x][y], ((t + 1) * (t + 2) / 2) % 64);
      int nx = y;
      y = (2 * x + 3 * y) % 5;
      x = nx;
    }
    return out;
  }

  private static long[][] pi(long[][] a) {
    long[][] out = new long[5][5];
    for (int x = 0; x < 5; x++) {
      for (int y = 0; y < 5; y++) {
        out[x][y] = a[(x + 3 * y) % 5][x];
      }
    }
    return out;
  }

  private static long[][] chi(long[][] a) {
    long[][] out = new long[5][5];
    for (int x = 0; x < 5; x++) {
      for (int y = 0; y < 5; y++) {
        out[x][y] = a[x][y] ^ (~a[(x + 1) % 5][y] & a[(x + 2) % 5][y]);
      }
    }
    return out;
  }

  /** Algorithm 6: bit 2^j - 1 of the round constant is rc(j + 7 * round). */
  private static long[][] iota(long[][] a, int round) {
    long rc = 0;
    for (int j = 0; j <= 6; j++) {
      if (rcBit(j + 7 * round)) {
        rc |= 1L << ((1 << j) - 1);
      }
    }
    a[0][0] ^= rc;
    return a;
  }

  /** Algorithm 5: the LFSR x^8 + x^6 + x^5 + x^4 + 1, as a bit string R[0..7]. */
  private static boolean rcBit(int t) {
    if (t % 255 == 0) {
      return true;
    }
    int[] r = {1, 0, 0, 0, 0, 0, 0, 0};
    for (int i = 1; i <= t % 255; i++) {
      int[] s = new int[9];
      System.arraycopy(r, 0, s, 1, 8);
      s[0] ^= s[8];
      s[4] ^= s[8];
      s[5] ^= s[8];
      s[6] ^= s[8];
      System.arraycopy(s, 0, r, 0, 8);
    }
    return r[0] == 1;
  }
}
