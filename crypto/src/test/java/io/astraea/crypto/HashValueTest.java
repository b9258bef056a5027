package io.astraea.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A hash keeps its bytes as words; every view of it must be the one its 32 bytes give, byte by
 * byte, as when the bytes were kept in an array.
 */
class HashValueTest {
  private static byte[] random(Random rnd) {
    byte[] b = new byte[HashValue.LENGTH];
    rnd.nextBytes(b);
    return b;
  }

  @Test
  void everyViewMatchesTheBytes() {
    Random rnd = new Random(32);
    for (int n = 0; n < 200; n++) {
      byte[] bytes = random(rnd);
      HashValue h = HashValue.wrap(bytes);
      assertArrayEquals(bytes, h.toBytes());
      assertEquals(java.util.HexFormat.of().formatHex(bytes), h.toHex());
      for (int i = 0; i < 32; i++) {
        assertEquals(bytes[i], h.byteAt(i), "byte " + i);
      }
      for (int i = 0; i < 64; i++) {
        int b = bytes[i / 2] & 0xff;
        assertEquals(i % 2 == 0 ? b >>> 4 : b & 0x0f, h.nibble(i), "nibble " + i);
      }
      for (int i = 0; i < 256; i++) {
        assertEquals(((bytes[i / 8] >> (7 - i % 8)) & 1) == 1, h.bit(i), "bit " + i);
      }
      byte[] dest = new byte[45];
      h.copyTo(dest, 13);
      assertArrayEquals(bytes, Arrays.copyOfRange(dest, 13, 45));
      assertEquals((bytes[0] & 0xff) << 24 | (bytes[1] & 0xff) << 16 | (bytes[2] & 0xff) << 8 | (bytes[3] & 0xff),
          h.hashCode(), "the first four bytes, big-endian, as before");
    }
  }

  @Test
  void orderAndEqualityFollowTheUnsignedBytes() {
    Random rnd = new Random(33);
    for (int n = 0; n < 2_000; n++) {
      byte[] a = random(rnd);
      byte[] b = a.clone();
      // Differ in one byte (or not at all), so that every word decides some comparisons.
      int at = rnd.nextInt(33);
      if (at < 32) {
        b[at] = (byte) rnd.nextInt(256);
      }
      HashValue ha = HashValue.wrap(a);
      HashValue hb = HashValue.wrap(b);
      assertEquals(Integer.signum(Arrays.compareUnsigned(a, b)), Integer.signum(ha.compareTo(hb)));
      assertEquals(Arrays.equals(a, b), ha.equals(hb));
      if (Arrays.equals(a, b)) {
        assertEquals(ha.hashCode(), hb.hashCode());
      }
    }
    byte[] high = new byte[32];
    high[31] = (byte) 0x80; // a set top bit is larger, not negative
    assertEquals(1, HashValue.wrap(high).compareTo(HashValue.ZERO));
    assertNotEquals(HashValue.ZERO, HashValue.wrap(high));
  }

  @Test
  void aHashIsExactlyThirtyTwoBytesAndItsIndexesAreChecked() {
    assertThrows(IllegalArgumentException.class, () -> HashValue.wrap(new byte[31]));
    assertThrows(IllegalArgumentException.class, () -> HashValue.wrap(new byte[33]));
    HashValue h = HashValue.wrap(new byte[32]);
    assertThrows(IndexOutOfBoundsException.class, () -> h.byteAt(32));
    assertThrows(IndexOutOfBoundsException.class, () -> h.nibble(64));
    assertThrows(IndexOutOfBoundsException.class, () -> h.bit(256));
    assertThrows(IndexOutOfBoundsException.class, () -> h.bit(-1));
    // The array given is not kept: changing it later changes nothing.
    byte[] bytes = new byte[32];
    HashValue wrapped = HashValue.wrap(bytes);
    bytes[0] = 1;
    assertEquals(HashValue.ZERO, wrapped);
  }
}
