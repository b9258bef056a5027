package io.astraea.crypto;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Objects;

/**
 * SHA3-256 (FIPS 202): a Keccak-f[1600] sponge with a 136-byte rate, domain padding {@code 0x06
 * ... 0x80} and a 32-byte output.
 *
 * <p>Every hash of the protocol (transactions, signed messages, Merkle nodes, state roots) is
 * computed here, and the Merkle trees spend most of their time in it, so the sponge is written for
 * speed: input is XORed into the state as little-endian 64-bit lanes read straight from the
 * caller's array, there is no block buffer, the permutation keeps the 25 lanes in local variables,
 * and the 32-byte digest is written straight into the output array or read from the lanes into a
 * {@link HashValue}. {@link #hashThree32(byte[], HashValue, HashValue)} covers the Merkle node
 * shape ({@code prefix || left || right}, 96 bytes, one permutation) in the lanes alone, with no
 * absorbing at all.
 *
 * <p>Not thread-safe. Finishing a hash resets the sponge, so one instance can hash many messages.
 */
final class Sha3Sponge {
  /** Bytes absorbed per permutation: (1600 - 2 * 256) / 8. */
  static final int RATE = 136;
  /** Digest length in bytes. */
  static final int DIGEST_LENGTH = 32;

  private static final int LANES = 25;
  private static final int RATE_LANES = RATE / 8;
  /** The SHA3 domain bits {@code 01} followed by the first bit of pad10*1, as the byte after the message. */
  private static final long DOMAIN_PAD = 0x06L;
  /** The last bit of pad10*1: the top bit of the last byte of the rate. */
  private static final long LAST_PAD = 0x8000000000000000L;

  private static final VarHandle LE = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  /** The iota round constants RC[0..23] (FIPS 202, Algorithm 5 and 6). */
  private static final long[] RC = {
    0x0000000000000001L, 0x0000000000008082L, 0x800000000000808AL, 0x8000000080008000L,
    0x000000000000808BL, 0x0000000080000001L, 0x8000000080008081L, 0x8000000000008009L,
    0x000000000000008AL, 0x0000000000000088L, 0x0000000080008009L, 0x000000008000000AL,
    0x000000008000808BL, 0x800000000000008BL, 0x8000000000008089L, 0x8000000000008003L,
    0x8000000000008002L, 0x8000000000000080L, 0x000000000000800AL, 0x800000008000000AL,
    0x8000000080008081L, 0x8000000000008080L, 0x0000000080000001L, 0x8000000080008008L,
  };

  /**
   * Per-thread sponge for one-shot hashes ({@link #oneShot}) and, as plain scratch state, for
   * {@link #hashThree32}. The permutation is too large to inline, so a state made per call would
   * escape: a block's tree update makes tens of thousands of pair hashes, and execution thousands
   * of one-shot hashes (transactions, events, infos, account values, addresses). One thread-local
   * rather than two: every pair hash looks it up. Sharing is safe because neither use calls out
   * while it holds the state, and a one-shot hash resets it before absorbing.
   */
  private static final ThreadLocal<Sha3Sponge> ONE_SHOT = ThreadLocal.withInitial(Sha3Sponge::new);

  /** Lane {@code A[x, y]} is {@code state[x + 5 * y]}. */
  private final long[] state = new long[LANES];
  /** Bytes of the current block absorbed so far, 0 to {@code RATE - 1}. */
  private int pos;

  /** Absorbs all of {@code data}. */
  Sha3Sponge update(byte[] data) {
    return update(data, 0, data.length);
  }

  /** Absorbs {@code length} bytes of {@code data} from {@code offset}. */
  Sha3Sponge update(byte[] data, int offset, int length) {
    Objects.checkFromIndexSize(offset, length, data.length);
    long[] s = state;
    int p = pos;
    int off = offset;
    int len = length;
    while (len > 0 && (p & 7) != 0) {
      s[p >>> 3] ^= (data[off++] & 0xFFL) << ((p & 7) << 3);
      p++;
      len--;
    }
    if (p == RATE) {
      permute(s);
      p = 0;
    }
    while (len >= 8) {
      if (p == 0 && len >= RATE) {
        absorbBlock(s, data, off);
        permute(s);
        off += RATE;
        len -= RATE;
        continue;
      }
      s[p >>> 3] ^= (long) LE.get(data, off);
      off += 8;
      len -= 8;
      p += 8;
      if (p == RATE) {
        permute(s);
        p = 0;
      }
    }
    // Fewer than 8 bytes remain and p is lane-aligned, so p stays below RATE.
    while (len > 0) {
      s[p >>> 3] ^= (data[off++] & 0xFFL) << ((p & 7) << 3);
      p++;
      len--;
    }
    pos = p;
    return this;
  }

  /** Pads, permutes, writes the 32-byte digest at {@code out[offset]} and resets the sponge. */
  void finish(byte[] out, int offset) {
    Objects.checkFromIndexSize(offset, DIGEST_LENGTH, out.length);
    long[] s = state;
    s[pos >>> 3] ^= DOMAIN_PAD << ((pos & 7) << 3);
    s[RATE_LANES - 1] ^= LAST_PAD;
    permute(s);
    LE.set(out, offset, s[0]);
    LE.set(out, offset + 8, s[1]);
    LE.set(out, offset + 16, s[2]);
    LE.set(out, offset + 24, s[3]);
    reset();
  }

  /** Pads, permutes and returns the 32-byte digest; the sponge is reset. */
  byte[] finish() {
    byte[] out = new byte[DIGEST_LENGTH];
    finish(out, 0);
    return out;
  }

  /** Pads, permutes and returns the digest as a {@link HashValue}; the sponge is reset. */
  HashValue finishHash() {
    long[] s = state;
    s[pos >>> 3] ^= DOMAIN_PAD << ((pos & 7) << 3);
    s[RATE_LANES - 1] ^= LAST_PAD;
    permute(s);
    HashValue h = digest(s);
    reset();
    return h;
  }

  /** The digest in the first four lanes of a permuted state. */
  private static HashValue digest(long[] s) {
    // A lane is little-endian, a hash word big-endian: the same eight bytes, reversed.
    return new HashValue(Long.reverseBytes(s[0]), Long.reverseBytes(s[1]), Long.reverseBytes(s[2]),
        Long.reverseBytes(s[3]));
  }

  /**
   * This thread's sponge for one hash, reset first (so a call that failed half-way, say on a null
   * part, leaves nothing behind). Absorb, then {@link #finishHash}, with no other use of it between.
   */
  static Sha3Sponge oneShot() {
    Sha3Sponge sponge = ONE_SHOT.get();
    sponge.reset();
    return sponge;
  }

  /** Forgets everything absorbed since the last finish. */
  void reset() {
    Arrays.fill(state, 0L);
    pos = 0;
  }

  /**
   * SHA3-256 of the 96-byte message {@code prefix[0..32) || left || right}: a Merkle node hash
   * (domain prefix, left child, right child) in a single permutation, read from and returned as
   * {@link HashValue} words without any byte array in between.
   */
  static HashValue hashThree32(byte[] prefix, HashValue left, HashValue right) {
    return digest(permuteThree32(prefix, left.word(0), left.word(1), left.word(2), left.word(3),
        right.word(0), right.word(1), right.word(2), right.word(3)));
  }

  /**
   * {@link #hashThree32(byte[], HashValue, HashValue)} on hashes kept as words in flat arrays (see
   * {@link HashValue#ofWords}): reads {@code left[la .. la + 3]} and {@code right[ra .. ra + 3]},
   * writes the digest's words to {@code out[oa .. oa + 3]}. The output may overlap an input: both
   * are read before anything is written.
   */
  static void hashThree32(byte[] prefix, long[] left, int la, long[] right, int ra, long[] out, int oa) {
    long[] s = permuteThree32(prefix, left[la], left[la + 1], left[la + 2], left[la + 3],
        right[ra], right[ra + 1], right[ra + 2], right[ra + 3]);
    // A lane is little-endian, a hash word big-endian: the same eight bytes, reversed.
    out[oa] = Long.reverseBytes(s[0]);
    out[oa + 1] = Long.reverseBytes(s[1]);
    out[oa + 2] = Long.reverseBytes(s[2]);
    out[oa + 3] = Long.reverseBytes(s[3]);
  }

  /**
   * The thread's scratch state after the one permutation of {@code prefix || left || right}, the
   * hashes given as their big-endian words. Lanes 0 to 3 hold the digest.
   */
  private static long[] permuteThree32(byte[] prefix, long l0, long l1, long l2, long l3,
      long r0, long r1, long r2, long r3) {
    long[] s = ONE_SHOT.get().state;
    Arrays.fill(s, 13, LANES, 0L); // lanes 0..12 are set below, the rest is zero but for the last pad
    s[0] = (long) LE.get(prefix, 0);
    s[1] = (long) LE.get(prefix, 8);
    s[2] = (long) LE.get(prefix, 16);
    s[3] = (long) LE.get(prefix, 24);
    // A lane is little-endian, a hash word big-endian: the same eight bytes, reversed.
    s[4] = Long.reverseBytes(l0);
    s[5] = Long.reverseBytes(l1);
    s[6] = Long.reverseBytes(l2);
    s[7] = Long.reverseBytes(l3);
    s[8] = Long.reverseBytes(r0);
    s[9] = Long.reverseBytes(r1);
    s[10] = Long.reverseBytes(r2);
    s[11] = Long.reverseBytes(r3);
    s[12] = DOMAIN_PAD; // 96 bytes end on a lane boundary: the padding starts lane 12
    s[RATE_LANES - 1] = LAST_PAD;
    permute(s);
    return s;
  }

  private static void absorbBlock(long[] s, byte[] data, int off) {
    s[0] ^= (long) LE.get(data, off);
    s[1] ^= (long) LE.get(data, off + 8);
    s[2] ^= (long) LE.get(data, off + 16);
    s[3] ^= (long) LE.get(data, off + 24);
    s[4] ^= (long) LE.get(data, off + 32);
    s[5] ^= (long) LE.get(data, off + 40);
    s[6] ^= (long) LE.get(data, off + 48);
    s[7] ^= (long) LE.get(data, off + 56);
    s[8] ^= (long) LE.get(data, off + 64);
    s[9] ^= (long) LE.get(data, off + 72);
    s[10] ^= (long) LE.get(data, off + 80);
    s[11] ^= (long) LE.get(data, off + 88);
    s[12] ^= (long) LE.get(data, off + 96);
    s[13] ^= (long) LE.get(data, off + 104);
    s[14] ^= (long) LE.get(data, off + 112);
    s[15] ^= (long) LE.get(data, off + 120);
    s[16] ^= (long) LE.get(data, off + 128);
  }

  /**
   * Keccak-f[1600]: 24 rounds of theta, rho, pi, chi and iota (FIPS 202, section 3.2) on the 25
   * lanes of {@code s}. Local {@code aXY} is lane {@code A[X, Y]}. Each loop iteration runs two
   * rounds, {@code a -> e} and {@code e -> a}, so no lane is copied between rounds. A round works
   * one output plane {@code y} at a time: {@code bX = B[X, y]}, the lane that theta, rho and pi
   * move there ({@code B[y', 2x' + 3y'] = rot(A[x', y'] ^ D[x'], r[x', y'])}, i.e. {@code B[X, y]}
   * comes from {@code A[(X + 3y) mod 5, X]}), then chi and iota give the plane's five new lanes.
   */
  static void permute(long[] s) {
    long a00 = s[0], a10 = s[1], a20 = s[2], a30 = s[3], a40 = s[4];
    long a01 = s[5], a11 = s[6], a21 = s[7], a31 = s[8], a41 = s[9];
    long a02 = s[10], a12 = s[11], a22 = s[12], a32 = s[13], a42 = s[14];
    long a03 = s[15], a13 = s[16], a23 = s[17], a33 = s[18], a43 = s[19];
    long a04 = s[20], a14 = s[21], a24 = s[22], a34 = s[23], a44 = s[24];
    long e00, e10, e20, e30, e40, e01, e11, e21, e31, e41, e02, e12, e22, e32, e42;
    long e03, e13, e23, e33, e43, e04, e14, e24, e34, e44;
    for (int round = 0; round < 24; round += 2) {
      long c0 = a00 ^ a01 ^ a02 ^ a03 ^ a04;
      long c1 = a10 ^ a11 ^ a12 ^ a13 ^ a14;
      long c2 = a20 ^ a21 ^ a22 ^ a23 ^ a24;
      long c3 = a30 ^ a31 ^ a32 ^ a33 ^ a34;
      long c4 = a40 ^ a41 ^ a42 ^ a43 ^ a44;
      long d0 = c4 ^ Long.rotateLeft(c1, 1);
      long d1 = c0 ^ Long.rotateLeft(c2, 1);
      long d2 = c1 ^ Long.rotateLeft(c3, 1);
      long d3 = c2 ^ Long.rotateLeft(c4, 1);
      long d4 = c3 ^ Long.rotateLeft(c0, 1);
      long b0 = a00 ^ d0;
      long b1 = Long.rotateLeft(a11 ^ d1, 44);
      long b2 = Long.rotateLeft(a22 ^ d2, 43);
      long b3 = Long.rotateLeft(a33 ^ d3, 21);
      long b4 = Long.rotateLeft(a44 ^ d4, 14);
      e00 = b0 ^ (~b1 & b2) ^ RC[round];
      e10 = b1 ^ (~b2 & b3);
      e20 = b2 ^ (~b3 & b4);
      e30 = b3 ^ (~b4 & b0);
      e40 = b4 ^ (~b0 & b1);
      b0 = Long.rotateLeft(a30 ^ d3, 28);
      b1 = Long.rotateLeft(a41 ^ d4, 20);
      b2 = Long.rotateLeft(a02 ^ d0, 3);
      b3 = Long.rotateLeft(a13 ^ d1, 45);
      b4 = Long.rotateLeft(a24 ^ d2, 61);
      e01 = b0 ^ (~b1 & b2);
      e11 = b1 ^ (~b2 & b3);
      e21 = b2 ^ (~b3 & b4);
      e31 = b3 ^ (~b4 & b0);
      e41 = b4 ^ (~b0 & b1);
      b0 = Long.rotateLeft(a10 ^ d1, 1);
      b1 = Long.rotateLeft(a21 ^ d2, 6);
      b2 = Long.rotateLeft(a32 ^ d3, 25);
      b3 = Long.rotateLeft(a43 ^ d4, 8);
      b4 = Long.rotateLeft(a04 ^ d0, 18);
      e02 = b0 ^ (~b1 & b2);
      e12 = b1 ^ (~b2 & b3);
      e22 = b2 ^ (~b3 & b4);
      e32 = b3 ^ (~b4 & b0);
      e42 = b4 ^ (~b0 & b1);
      b0 = Long.rotateLeft(a40 ^ d4, 27);
      b1 = Long.rotateLeft(a01 ^ d0, 36);
      b2 = Long.rotateLeft(a12 ^ d1, 10);
      b3 = Long.rotateLeft(a23 ^ d2, 15);
      b4 = Long.rotateLeft(a34 ^ d3, 56);
      e03 = b0 ^ (~b1 & b2);
      e13 = b1 ^ (~b2 & b3);
      e23 = b2 ^ (~b3 & b4);
      e33 = b3 ^ (~b4 & b0);
      e43 = b4 ^ (~b0 & b1);
      b0 = Long.rotateLeft(a20 ^ d2, 62);
      b1 = Long.rotateLeft(a31 ^ d3, 55);
      b2 = Long.rotateLeft(a42 ^ d4, 39);
      b3 = Long.rotateLeft(a03 ^ d0, 41);
      b4 = Long.rotateLeft(a14 ^ d1, 2);
      e04 = b0 ^ (~b1 & b2);
      e14 = b1 ^ (~b2 & b3);
      e24 = b2 ^ (~b3 & b4);
      e34 = b3 ^ (~b4 & b0);
      e44 = b4 ^ (~b0 & b1);
      c0 = e00 ^ e01 ^ e02 ^ e03 ^ e04;
      c1 = e10 ^ e11 ^ e12 ^ e13 ^ e14;
      c2 = e20 ^ e21 ^ e22 ^ e23 ^ e24;
      c3 = e30 ^ e31 ^ e32 ^ e33 ^ e34;
      c4 = e40 ^ e41 ^ e42 ^ e43 ^ e44;
      d0 = c4 ^ Long.rotateLeft(c1, 1);
      d1 = c0 ^ Long.rotateLeft(c2, 1);
      d2 = c1 ^ Long.rotateLeft(c3, 1);
      d3 = c2 ^ Long.rotateLeft(c4, 1);
      d4 = c3 ^ Long.rotateLeft(c0, 1);
      b0 = e00 ^ d0;
      b1 = Long.rotateLeft(e11 ^ d1, 44);
      b2 = Long.rotateLeft(e22 ^ d2, 43);
      b3 = Long.rotateLeft(e33 ^ d3, 21);
      b4 = Long.rotateLeft(e44 ^ d4, 14);
      a00 = b0 ^ (~b1 & b2) ^ RC[round + 1];
      a10 = b1 ^ (~b2 & b3);
      a20 = b2 ^ (~b3 & b4);
      a30 = b3 ^ (~b4 & b0);
      a40 = b4 ^ (~b0 & b1);
      b0 = Long.rotateLeft(e30 ^ d3, 28);
      b1 = Long.rotateLeft(e41 ^ d4, 20);
      b2 = Long.rotateLeft(e02 ^ d0, 3);
      b3 = Long.rotateLeft(e13 ^ d1, 45);
      b4 = Long.rotateLeft(e24 ^ d2, 61);
      a01 = b0 ^ (~b1 & b2);
      a11 = b1 ^ (~b2 & b3);
      a21 = b2 ^ (~b3 & b4);
      a31 = b3 ^ (~b4 & b0);
      a41 = b4 ^ (~b0 & b1);
      b0 = Long.rotateLeft(e10 ^ d1, 1);
      b1 = Long.rotateLeft(e21 ^ d2, 6);
      b2 = Long.rotateLeft(e32 ^ d3, 25);
      b3 = Long.rotateLeft(e43 ^ d4, 8);
      b4 = Long.rotateLeft(e04 ^ d0, 18);
      a02 = b0 ^ (~b1 & b2);
      a12 = b1 ^ (~b2 & b3);
      a22 = b2 ^ (~b3 & b4);
      a32 = b3 ^ (~b4 & b0);
      a42 = b4 ^ (~b0 & b1);
      b0 = Long.rotateLeft(e40 ^ d4, 27);
      b1 = Long.rotateLeft(e01 ^ d0, 36);
      b2 = Long.rotateLeft(e12 ^ d1, 10);
      b3 = Long.rotateLeft(e23 ^ d2, 15);
      b4 = Long.rotateLeft(e34 ^ d3, 56);
      a03 = b0 ^ (~b1 & b2);
      a13 = b1 ^ (~b2 & b3);
      a23 = b2 ^ (~b3 & b4);
      a33 = b3 ^ (~b4 & b0);
      a43 = b4 ^ (~b0 & b1);
      b0 = Long.rotateLeft(e20 ^ d2, 62);
      b1 = Long.rotateLeft(e31 ^ d3, 55);
      b2 = Long.rotateLeft(e42 ^ d4, 39);
      b3 = Long.rotateLeft(e03 ^ d0, 41);
      b4 = Long.rotateLeft(e14 ^ d1, 2);
      a04 = b0 ^ (~b1 & b2);
      a14 = b1 ^ (~b2 & b3);
      a24 = b2 ^ (~b3 & b4);
      a34 = b3 ^ (~b4 & b0);
      a44 = b4 ^ (~b0 & b1);
    }
    s[0] = a00; s[1] = a10; s[2] = a20; s[3] = a30; s[4] = a40;
    s[5] = a01; s[6] = a11; s[7] = a21; s[8] = a31; s[9] = a41;
    s[10] = a02; s[11] = a12; s[12] = a22; s[13] = a32; s[14] = a42;
    s[15] = a03; s[16] = a13; s[17] = a23; s[18] = a33; s[19] = a43;
    s[20] = a04; s[21] = a14; s[22] = a24; s[23] = a34; s[24] = a44;
  }
}
