package io.astraea.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;
import java.util.TreeSet;
import org.bouncycastle.crypto.digests.SHA3Digest;
import org.junit.jupiter.api.Test;

/**
 * The SHA3-256 sponge against the NIST known answers, a step-by-step FIPS 202 reading and
 * BouncyCastle, at every length where block and lane boundaries matter.
 */
class Sha3SpongeTest {
  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }

  private static String hex(byte[] b) {
    return HexFormat.of().formatHex(b);
  }

  static byte[] bouncyCastle(byte[]... parts) {
    SHA3Digest d = new SHA3Digest(256);
    for (byte[] p : parts) {
      d.update(p, 0, p.length);
    }
    byte[] out = new byte[32];
    d.doFinal(out, 0);
    return out;
  }

  private static byte[] random(Random rnd, int n) {
    byte[] b = new byte[n];
    rnd.nextBytes(b);
    return b;
  }

  /** One-shot, byte-by-byte and through {@link Sha3#hash}: all three must give {@code expected}. */
  private static void assertAllPathsGive(String expected, byte[] message) {
    assertEquals(expected, hex(new Sha3Sponge().update(message).finish()));
    Sha3Sponge bytewise = new Sha3Sponge();
    for (int i = 0; i < message.length; i++) {
      bytewise.update(message, i, 1);
    }
    assertEquals(expected, hex(bytewise.finish()));
    assertEquals(expected, Sha3.hash(message).toHex());
  }

  @Test
  void nistKnownAnswers() {
    assertAllPathsGive("a7ffc6f8bf1ed76651c14756a061d662f580ff4de43b49fa82d80a4b80f8434a", new byte[0]);
    assertAllPathsGive("3a985da74fe225b2045c172d6bd390bd855f086e3e9d525b46bfe24511431532", ascii("abc"));
    byte[] a3 = new byte[200]; // 1600 bits of 0xA3: the message spans two blocks
    Arrays.fill(a3, (byte) 0xA3);
    assertAllPathsGive("79f38adec5c20307a98ef76e8324afbfd46cfd81b22e3973c65fa1bd9de31787", a3);
    assertAllPathsGive("41c0dba2a9d6240849100376a8235e2c82e1b9998a999e21db32dd97496d3376",
        ascii("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"));
    assertAllPathsGive("916f6061fe879741ca6469b43971dfdb28b1a32dc36cb3254e812be27aad1d18",
        ascii("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopq"
            + "rlmnopqrsmnopqrstnopqrstu"));
    // One million 'a', absorbed in uneven 1000-byte pieces (not a multiple of 8 or of 136).
    byte[] piece = new byte[1000];
    Arrays.fill(piece, (byte) 'a');
    Sha3Sponge sponge = new Sha3Sponge();
    for (int i = 0; i < 1000; i++) {
      sponge.update(piece);
    }
    assertEquals("5c8875ae474a3634ba4fd55ec85bffd661f32aca75c6d699d0cdcb6c115891c1", hex(sponge.finish()));
  }

  @Test
  void permutationMatchesTheStepByStepStandard() {
    long[] zero = new long[25];
    Sha3Sponge.permute(zero);
    // First lane of Keccak-f[1600] applied to the all-zero state (Keccak team's test vectors).
    assertEquals(0xF1258F7940E1DDE7L, zero[0]);
    long[] expected = new long[25];
    Fips202Reference.keccakF(expected);
    assertArrayEquals(expected, zero);
    Random rnd = new Random(202);
    for (int i = 0; i < 50; i++) {
      long[] fast = new long[25];
      for (int j = 0; j < 25; j++) {
        fast[j] = rnd.nextLong();
      }
      long[] slow = fast.clone();
      Sha3Sponge.permute(fast);
      Fips202Reference.keccakF(slow);
      assertArrayEquals(slow, fast);
    }
  }

  @Test
  void everyShortLengthAndEveryLengthNearABlockBoundaryMatchesBouncyCastle() {
    TreeSet<Integer> lengths = new TreeSet<>();
    for (int n = 0; n <= 300; n++) {
      lengths.add(n);
    }
    for (int k = 1; k <= 8; k++) {
      for (int d = -9; d <= 9; d++) {
        lengths.add(k * Sha3Sponge.RATE + d);
      }
    }
    Random rnd = new Random(136);
    Sha3Sponge reused = new Sha3Sponge();
    for (int n : lengths) {
      byte[] msg = random(rnd, n);
      String expected = hex(bouncyCastle(msg));
      assertEquals(expected, hex(new Sha3Sponge().update(msg).finish()), "length " + n);
      assertEquals(expected, hex(reused.update(msg).finish()), "reused, length " + n);
      // The same bytes in the middle of a larger array: offset and length are honoured.
      byte[] framed = new byte[n + 11];
      Arrays.fill(framed, (byte) 0x5A);
      System.arraycopy(msg, 0, framed, 5, n);
      assertEquals(expected, hex(new Sha3Sponge().update(framed, 5, n).finish()), "framed, length " + n);
      if (n <= 300) {
        Sha3Sponge bytewise = new Sha3Sponge();
        for (int i = 0; i < n; i++) {
          bytewise.update(msg, i, 1);
        }
        assertEquals(expected, hex(bytewise.finish()), "byte by byte, length " + n);
        assertEquals(expected, hex(Fips202Reference.sha3256(msg)), "reference, length " + n);
      }
    }
  }

  @Test
  void finishingResetsSoTheSpongeCanBeReused() {
    Sha3Sponge sponge = new Sha3Sponge();
    String empty = "a7ffc6f8bf1ed76651c14756a061d662f580ff4de43b49fa82d80a4b80f8434a";
    assertEquals(empty, hex(sponge.finish()));
    assertEquals(empty, hex(sponge.finish()));
    Random rnd = new Random(3);
    for (int n : new int[] {135, 1, 137, 0, 272, 7, 500}) {
      byte[] msg = random(rnd, n);
      assertEquals(hex(bouncyCastle(msg)), hex(sponge.update(msg).finish()), "length " + n);
    }
    // reset() discards a half-absorbed message.
    sponge.update(random(rnd, 77));
    sponge.reset();
    assertEquals(empty, hex(sponge.finish()));
    // finish(out, offset) writes exactly 32 bytes at the offset.
    byte[] out = new byte[40];
    Arrays.fill(out, (byte) 1);
    sponge.update(ascii("abc")).finish(out, 4);
    assertEquals("01010101" + "3a985da74fe225b2045c172d6bd390bd855f086e3e9d525b46bfe24511431532" + "01010101",
        hex(out));
  }

  @Test
  void badRangesAreRejectedBeforeAnythingIsAbsorbed() {
    Sha3Sponge sponge = new Sha3Sponge().update(ascii("ab"));
    byte[] data = ascii("cdef");
    assertThrows(IndexOutOfBoundsException.class, () -> sponge.update(data, 2, 3));
    assertThrows(IndexOutOfBoundsException.class, () -> sponge.update(data, -1, 2));
    assertThrows(IndexOutOfBoundsException.class, () -> sponge.update(data, 1, -1));
    assertThrows(NullPointerException.class, () -> sponge.update(null));
    assertThrows(IndexOutOfBoundsException.class, () -> sponge.finish(new byte[40], 9));
    assertEquals("3a985da74fe225b2045c172d6bd390bd855f086e3e9d525b46bfe24511431532",
        hex(sponge.update(data, 0, 1).finish()));
  }

  @Test
  void threeHashesInOnePermutationMatchTheirConcatenation() {
    Random rnd = new Random(96);
    for (int i = 0; i < 100; i++) {
      byte[] a = random(rnd, 32);
      byte[] b = random(rnd, 32);
      byte[] c = random(rnd, 32);
      HashValue out = Sha3Sponge.hashThree32(a, HashValue.wrap(b), HashValue.wrap(c));
      assertArrayEquals(bouncyCastle(a, b, c), out.toBytes());
    }
  }

  @Test
  void aOneShotHashThatFailedHalfWayLeavesNothingForTheNext() {
    Random rnd = new Random(5);
    for (int n : new int[] {0, 7, 135, 136, 300}) {
      byte[] msg = random(rnd, n);
      // The first part is absorbed, then the null part fails: the thread's sponge is dirty.
      assertThrows(NullPointerException.class, () -> Sha3.hash(random(rnd, 50), null));
      assertArrayEquals(bouncyCastle(msg), Sha3.hash(msg).toBytes(), "length " + n);
      CryptoHasher hasher = CryptoHasher.forType("Transaction");
      assertThrows(NullPointerException.class, () -> hasher.hash(null));
      assertArrayEquals(bouncyCastle(hasher.prefix(), msg), hasher.hash(msg).toBytes(), "prefixed, length " + n);
      // The pair hash borrows the same per-thread state, dirty or not.
      assertThrows(NullPointerException.class, () -> Sha3.hash(msg, null));
      HashValue left = Sha3.hash(msg);
      HashValue right = Sha3.hash(left.toBytes());
      assertThrows(NullPointerException.class, () -> Sha3.hash(msg, null));
      assertArrayEquals(bouncyCastle(hasher.prefix(), left.toBytes(), right.toBytes()),
          hasher.hashPair(left, right).toBytes(), "pair after length " + n);
      assertArrayEquals(bouncyCastle(msg), Sha3.hash(msg).toBytes(), "after a pair, length " + n);
    }
  }
}
