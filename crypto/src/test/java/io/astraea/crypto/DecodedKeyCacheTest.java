package io.astraea.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.astraea.crypto.bcs.BcsException;
import io.astraea.crypto.bcs.BcsReader;
import io.astraea.crypto.bcs.BcsWriter;
import org.junit.jupiter.api.Test;

class DecodedKeyCacheTest {
  private static byte[] keyBytes(int i) throws CryptoMaterialException {
    return Ed25519PrivateKey.fromSeed(Sha3.hash(new byte[] {(byte) i, 42}).toBytes()).publicKey().toBytes();
  }

  @Test
  void aKeyDecodedTwiceIsDecodedOnce() throws Exception {
    DecodedKeyCache cache = new DecodedKeyCache(4);
    byte[] b = keyBytes(1);
    Ed25519PublicKey first = cache.get(b);
    b[0] ^= 1; // the cache kept its own copy of the bytes
    b[0] ^= 1;
    assertSame(first, cache.get(b.clone()));
    assertArrayEquals(b, first.toBytes());
    assertEquals(Ed25519PublicKey.fromBytes(b), first);
  }

  @Test
  void invalidBytesAreRefusedEveryTimeAndNeverKept() throws Exception {
    DecodedKeyCache cache = new DecodedKeyCache(4);
    byte[] identity = new byte[32];
    identity[0] = 1; // the neutral element: small order
    for (int i = 0; i < 2; i++) {
      assertThrows(CryptoMaterialException.class, () -> cache.get(identity));
    }
    assertThrows(CryptoMaterialException.class, () -> cache.get(new byte[31]));
    assertEquals(0, cache.size());
  }

  @Test
  void theLeastRecentlyUsedKeyLeavesFirst() throws Exception {
    DecodedKeyCache cache = new DecodedKeyCache(2);
    Ed25519PublicKey a = cache.get(keyBytes(1));
    Ed25519PublicKey b = cache.get(keyBytes(2));
    assertSame(a, cache.get(keyBytes(1))); // a is now the most recently used
    cache.get(keyBytes(3)); // evicts b
    assertEquals(2, cache.size());
    assertSame(a, cache.get(keyBytes(1)));
    Ed25519PublicKey b2 = cache.get(keyBytes(2));
    assertNotSame(b, b2);
    assertEquals(b, b2);
  }

  @Test
  void wireDecodingKeepsItsChecksAndErrorOffsets() throws Exception {
    byte[] good = new BcsWriter().writeBytes(keyBytes(7)).toByteArray();
    Ed25519PublicKey k = BcsReader.decode(good, Ed25519PublicKey::decode);
    assertSame(k, BcsReader.decode(good, Ed25519PublicKey::decode));
    byte[] identity = new byte[32];
    identity[0] = 1;
    byte[] bad = new BcsWriter().writeU8(9).writeBytes(identity).toByteArray();
    BcsException e = assertThrows(BcsException.class, () -> BcsReader.decode(bad, r -> {
      r.readU8();
      return Ed25519PublicKey.decode(r);
    }));
    assertTrue(e.getMessage().contains("small order"), e.getMessage());
    assertEquals(1, e.offset());
  }
}
