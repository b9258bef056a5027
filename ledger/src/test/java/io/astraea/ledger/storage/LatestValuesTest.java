package io.astraea.ledger.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.astraea.crypto.HashValue;
import io.astraea.crypto.Sha3;
import io.astraea.ledger.jmt.InMemoryTreeStore;
import io.astraea.ledger.jmt.JellyfishMerkleTree;
import io.astraea.ledger.jmt.NodeRetention;
import io.astraea.ledger.jmt.TreeUpdateBatch;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** An entry answers exactly the versions at which its write is the key's latest. */
class LatestValuesTest {
  private static final HashValue A = Sha3.hash("a".getBytes());
  private static final HashValue B = Sha3.hash("b".getBytes());

  private final InMemoryTreeStore tree = new InMemoryTreeStore();

  private TreeUpdateBatch write(long firstVersion, List<Map<HashValue, byte[]>> sets) throws Exception {
    TreeUpdateBatch batch = new JellyfishMerkleTree(tree).putValueSets(sets, firstVersion, NodeRetention.LAST_VERSION);
    tree.writeBatch(batch);
    return batch;
  }

  @Test
  void anEntryAnswersFromItsWriteOnAndNotBefore() throws Exception {
    LatestValues latest = new LatestValues(1 << 20);
    // Versions 0..2: a, then b, then a again.
    TreeUpdateBatch first = write(0, List.of(Map.of(A, bytes(1)), Map.of(B, bytes(2)), Map.of(A, bytes(3))));
    latest.record(first);
    assertArrayEquals(bytes(3), latest.leafAt(A, 2).value());
    assertNull(latest.leafAt(A, 1), "a's entry is from version 2; what a held at 1 is the tree's to say");
    assertArrayEquals(bytes(2), latest.leafAt(B, 1).value());
    assertArrayEquals(bytes(2), latest.leafAt(B, 2).value());
    assertNull(latest.leafAt(B, 0));

    // Versions 3..4: b changes at 4.
    TreeUpdateBatch second = write(3, List.of(Map.of(Sha3.hash("c".getBytes()), bytes(4)), Map.of(B, bytes(5))));
    latest.record(second);
    assertNull(latest.leafAt(B, 3));
    assertArrayEquals(bytes(5), latest.leafAt(B, 4).value());
    assertArrayEquals(bytes(3), latest.leafAt(A, 4).value(), "a was not written again");

    // Recording an older batch again never brings back an older value.
    latest.record(first);
    assertArrayEquals(bytes(5), latest.leafAt(B, 4).value());
    assertNull(latest.leafAt(Sha3.hash("never written".getBytes()), 4));
  }

  @Test
  void entriesAreBoundedByTheirSize() throws Exception {
    long budget = 10 * (LatestValues.ENTRY_OVERHEAD_BYTES + NodeCache.LEAF_OVERHEAD_BYTES + 100);
    LatestValues latest = new LatestValues(budget);
    for (int i = 0; i < 50; i++) {
      latest.record(write(i, List.of(Map.of(Sha3.hash(("key" + i).getBytes()), new byte[100]))));
      assertTrue(latest.size() <= 10, latest.size() + " entries after " + (i + 1) + " writes");
    }
    assertTrue(latest.size() >= 5, "eviction keeps most of the budget in use: " + latest.size());
  }

  private static byte[] bytes(int b) {
    return new byte[] {(byte) b, (byte) (b * 7)};
  }
}
