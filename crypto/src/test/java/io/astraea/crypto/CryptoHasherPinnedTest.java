package io.astraea.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Pins the domain-separated hashes the ledger persists and signs (Merkle nodes, accumulators,
 * transaction infos, ledger infos), so that any change to the hashing path that alters a stored
 * root fails here first. Expected values were computed with the JDK's own SHA3-256, an
 * implementation independent of ours and of BouncyCastle.
 */
class CryptoHasherPinnedTest {
  private static final CryptoHasher INTERNAL = CryptoHasher.forType("SparseMerkleInternal");
  private static final CryptoHasher ACCUMULATOR = CryptoHasher.forType("TransactionAccumulator");

  private static HashValue sha3(String s) {
    return Sha3.hash(s.getBytes(StandardCharsets.US_ASCII));
  }

  private static byte[] counting(int n) {
    byte[] b = new byte[n];
    for (int i = 0; i < n; i++) {
      b[i] = (byte) i;
    }
    return b;
  }

  private static byte[] concat(byte[]... parts) {
    int n = 0;
    for (byte[] p : parts) {
      n += p.length;
    }
    byte[] out = new byte[n];
    int at = 0;
    for (byte[] p : parts) {
      System.arraycopy(p, 0, out, at, p.length);
      at += p.length;
    }
    return out;
  }

  @Test
  void prefixesOfTheLedgersTypes() {
    assertEquals("0b3ec0481bc00708b043a6dadff482da85a97a91da1ac1b729150f0f44bad4c6",
        HexFormat.of().formatHex(INTERNAL.prefix()));
    assertEquals("f113eccd4bfbb5050e49fcac4b812912a8b83c3b32bd3c61917ffc8cab48f420",
        HexFormat.of().formatHex(ACCUMULATOR.prefix()));
  }

  @Test
  void merkleNodeHashes() {
    assertEquals("30faf841e0d00333a5af1bd354743daae9742b207e7ff3cea6aae6bc0d95c033",
        INTERNAL.hashPair(HashValue.ZERO, HashValue.ZERO).toHex());
    assertEquals("9dc3889b00192a35ba8da6e7809f03aaf78a703a135c16d74bb4314d4a9e6d1d",
        INTERNAL.hashPair(sha3("left"), sha3("right")).toHex());
    assertEquals("5aeac7d850a248f88aea86407c2b3c3ff5255c483b8002a5e10f817bea41176a",
        ACCUMULATOR.hashPair(HashValue.ZERO, HashValue.ZERO).toHex());
    assertEquals("9f824f6ae080c3f3415eb4bc61525f48ac65a2b8a0030c218258033757b9a490",
        ACCUMULATOR.hashPair(sha3("left"), sha3("right")).toHex());
  }

  @Test
  void valueHashesSpanningTwoBlocks() {
    // 32-byte prefix + 200 bytes = 232 bytes: one full block and a partial one.
    byte[] bcs = counting(200);
    assertEquals("72ed39095bca36abbfd4447b508fcd20fbe1ee0475b0ecc6d85eb2de4057c5af",
        CryptoHasher.forType("TransactionInfo").hash(bcs).toHex());
    assertEquals("80d490c1aa3f2dc3bc941a76537b96e823792c6f07f5b85ec1f208ee9a47b4f4",
        CryptoHasher.forType("LedgerInfo").hash(bcs).toHex());
    assertEquals(CryptoHasher.forType("LedgerInfo").hash(bcs),
        CryptoHasher.forType("LedgerInfo").builder().update(bcs, 0, 99).update(bcs, 99, 101).finish());
  }

  @Test
  void pairHashIsTheHashOfBothChildrenAndLeavesThemUntouched() {
    Random rnd = new Random(64);
    for (int i = 0; i < 100; i++) {
      byte[] l = new byte[32];
      byte[] r = new byte[32];
      rnd.nextBytes(l);
      rnd.nextBytes(r);
      HashValue left = HashValue.wrap(l);
      HashValue right = HashValue.wrap(r);
      HashValue pair = INTERNAL.hashPair(left, right);
      assertArrayEquals(Sha3SpongeTest.bouncyCastle(INTERNAL.prefix(), l, r), pair.toBytes());
      assertEquals(INTERNAL.hash(concat(l, r)), pair);
      assertEquals(pair, new Sha3.Builder().update(INTERNAL.prefix()).update(left).update(right).finish());
      assertArrayEquals(l, left.toBytes());
      assertArrayEquals(r, right.toBytes());
    }
  }
}
