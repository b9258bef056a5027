package io.astraea.ledger.jmt;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.astraea.crypto.HashValue;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * An internal node keeps its contents packed and only the range hashes that took a hash; every
 * binary range hash it answers must still be the one computed from its children from scratch,
 * whichever way the node was made: from child records, derived from another node, rebuilt from
 * its unpacked form (as the updater does), or decoded.
 */
class InternalNodeProperties {

  @Property(tries = 300)
  void everyRangeHashIsTheOneComputedFromScratch(@ForAll long seed) throws Exception {
    Random rnd = new Random(seed);
    Child[] children = randomChildren(rnd);
    InternalNode node = new InternalNode(children);
    assertRangesMatch(children, node);
    InternalNode decoded = (InternalNode) NodeCodec.decode(NodeCodec.encode(node));
    assertEquals(node, decoded);
    assertRangesMatch(children, decoded);
    // The updater's round trip: unpacked, then packed again with the range hashes it carried.
    InternalNode rebuilt = InternalNode.ofWords(node.existenceBitmap(), node.leafBitmap(), node.unpack(), node.hashedRanges());
    assertEquals(node, rebuilt);
    assertRangesMatch(children, rebuilt);
    assertEquals(5 * Integer.bitCount(node.existenceBitmap()) + 4 * Integer.bitCount(node.hashedRanges()),
        node.packedWords());
  }

  @Property(tries = 300)
  void aDerivedNodeReusesOnlyTheRangesOffItsChanges(@ForAll long seed) {
    Random rnd = new Random(seed);
    Child[] before = randomChildren(rnd);
    InternalNode node = new InternalNode(before);
    Child[] after = before.clone();
    int changed = 0;
    for (int n = 1 + rnd.nextInt(3); n > 0; n--) {
      int nibble = rnd.nextInt(16);
      after[nibble] = randomChild(rnd);
      changed |= 1 << nibble;
    }
    InternalNode derived = node.derive(after, changed);
    assertRangesMatch(after, derived);
    assertEquals(new InternalNode(after), derived);
  }

  /** Random children: one to sixteen, a random mix of leaves and internal nodes. */
  private static Child[] randomChildren(Random rnd) {
    Child[] children = new Child[16];
    int mask = 0;
    while (mask == 0) {
      // Sparse and dense nodes alike: each slot is filled with a probability of its own.
      double fill = rnd.nextDouble();
      for (int i = 0; i < 16; i++) {
        if (rnd.nextDouble() < fill) {
          mask |= 1 << i;
        }
      }
    }
    for (int i = 0; i < 16; i++) {
      if ((mask & (1 << i)) != 0) {
        children[i] = randomChild(rnd);
      }
    }
    return children;
  }

  private static Child randomChild(Random rnd) {
    byte[] hash = new byte[HashValue.LENGTH];
    rnd.nextBytes(hash);
    return new Child(HashValue.wrap(hash), rnd.nextInt(1 << 20), rnd.nextBoolean());
  }

  private static void assertRangesMatch(Child[] children, InternalNode node) {
    assertEquals(scratch(children, 0, 16), node.hash());
    for (int width = 16; width >= 1; width /= 2) {
      for (int start = 0; start < 16; start += width) {
        assertEquals(scratch(children, start, width), node.rangeHash(start, width), "range " + start + "+" + width);
      }
    }
    for (int i = 0; i < 16; i++) {
      assertEquals(children[i], node.childOrNull(i));
    }
  }

  /** The sparse Merkle rule, written out: empty is the placeholder, a lone leaf is lifted. */
  private static HashValue scratch(Child[] children, int start, int width) {
    int count = 0;
    Child only = null;
    for (int i = start; i < start + width; i++) {
      if (children[i] != null) {
        count++;
        only = children[i];
      }
    }
    if (count == 0) {
      return JmtHashing.PLACEHOLDER;
    }
    if (width == 1 || (count == 1 && only.leaf())) {
      return only.hash();
    }
    int half = width / 2;
    return JmtHashing.internal(scratch(children, start, half), scratch(children, start + half, half));
  }
}
