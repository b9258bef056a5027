package io.astraea.ledger.jmt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.astraea.crypto.Sha3;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A path's hash is built step by step from its parent's, and must agree however it was made. */
class NibblePathTest {
  @Test
  void aPathMadeNibbleByNibbleEqualsAndHashesAsTheSamePathDecoded() {
    var key = Sha3.hash("some account".getBytes());
    for (int n = 0; n <= NibblePath.MAX_NIBBLES; n++) {
      NibblePath built = NibblePath.prefixOf(key, n);
      NibblePath decoded = NibblePath.fromPacked(built.packed(), n);
      assertEquals(built, decoded);
      assertEquals(built.hashCode(), decoded.hashCode(), "length " + n);
    }
  }

  @Test
  void pathsThatDifferOnlyInLengthOrATrailingZeroNibbleHashApart() {
    NibblePath one = NibblePath.EMPTY.child(0);
    NibblePath two = one.child(0);
    assertNotEquals(NibblePath.EMPTY, one);
    assertNotEquals(one, two);
    assertNotEquals(NibblePath.EMPTY.hashCode(), one.hashCode());
    assertNotEquals(one.hashCode(), two.hashCode());
  }

  @Test
  void theNodePathsOfThreeLevelsHashWithoutCollisionsAndSpreadOverLowBits() {
    Set<Integer> full = new HashSet<>();
    Set<Integer> lowBits = new HashSet<>(); // what a table of 4,096 buckets uses
    for (int a = 0; a < 16; a++) {
      for (int b = 0; b < 16; b++) {
        for (int c = 0; c < 16; c++) {
          int h = NibblePath.EMPTY.child(a).child(b).child(c).hashCode();
          full.add(h);
          lowBits.add(h & 0xfff);
        }
      }
    }
    assertEquals(4096, full.size());
    // A random function fills about 63% of 4,096 buckets with 4,096 keys.
    assertTrue(lowBits.size() > 2_400, "only " + lowBits.size() + " of 4,096 low-bit buckets used");
  }

  @Test
  void equalityFollowsTheNibblesBeforeAndAfterTheSixteenthOne() {
    // Two keys that agree on their first 20 nibbles and on nothing after (but the last).
    byte[] a = new byte[32];
    byte[] b = new byte[32];
    for (int i = 0; i < 10; i++) {
      a[i] = (byte) (0x10 * i + 7);
      b[i] = a[i];
    }
    for (int i = 10; i < 32; i++) {
      a[i] = 0x11;
      b[i] = 0x22;
    }
    a[31] = 0x33;
    b[31] = 0x33;
    var ka = io.astraea.crypto.HashValue.wrap(a);
    var kb = io.astraea.crypto.HashValue.wrap(b);
    for (int n = 0; n <= NibblePath.MAX_NIBBLES; n++) {
      NibblePath pa = NibblePath.prefixOf(ka, n);
      NibblePath pb = NibblePath.prefixOf(kb, n);
      boolean samePacked = java.util.Arrays.equals(pa.packed(), pb.packed());
      assertEquals(samePacked, pa.equals(pb), "length " + n);
      assertEquals(n <= 20, pa.equals(pb), "length " + n);
      assertEquals(pa, NibblePath.fromPacked(pa.packed(), n));
    }
    // A path that ends with a zero nibble is not its parent, on either side of the sixteenth.
    NibblePath deep = NibblePath.prefixOf(ka, 16);
    assertNotEquals(deep, deep.child(0));
    assertNotEquals(NibblePath.prefixOf(ka, 15), NibblePath.prefixOf(ka, 15).child(0));
  }
}
