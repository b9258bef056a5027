package io.astraea.ledger.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.astraea.crypto.HashValue;
import io.astraea.crypto.Sha3;
import io.astraea.crypto.bcs.BcsWriter;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** A key's last write in a commit is stored as a reference to the checkpoint tree, others in full. */
class WriteSetRecordTest {
  private static final HashValue A = Sha3.hash("a".getBytes());
  private static final HashValue B = Sha3.hash("b".getBytes());

  /** Versions 10..12 after checkpoint 9: a, b, a again. */
  private static final List<Map<HashValue, byte[]>> SETS = List.of(
      Map.of(A, new byte[] {1}), Map.of(B, new byte[] {2, 2}), Map.of(A, new byte[] {3, 3, 3}));

  @Test
  void onlyEarlierWritesKeepTheirValuesAndTheRestResolveFromTheCheckpoint() throws Exception {
    WriteSetRecord r = WriteSetRecord.decode(WriteSetRecord.encode(9, SETS));
    assertEquals(9, r.checkpoint());
    assertEquals(12, r.lastVersion());
    assertArrayEquals(new byte[] {1}, r.writeSets().get(0).get(A), "a is written again later: kept in full");
    assertNull(r.writeSets().get(1).get(B), "b's last write: left to the checkpoint");
    assertNull(r.writeSets().get(2).get(A), "a's last write: left to the checkpoint");

    // The checkpoint tree at version 12 holds each key's last value.
    Map<HashValue, byte[]> checkpoint = Map.of(A, new byte[] {3, 3, 3}, B, new byte[] {2, 2});
    List<SortedMap<HashValue, byte[]>> resolved = r.resolved(3, checkpoint::get);
    for (int i = 0; i < SETS.size(); i++) {
      assertEquals(SETS.get(i).keySet(), resolved.get(i).keySet());
      for (HashValue k : SETS.get(i).keySet()) {
        assertArrayEquals(SETS.get(i).get(k), resolved.get(i).get(k), "version " + (10 + i));
      }
    }
    assertEquals(1, r.resolved(1, k -> {
      throw new AssertionError("the first version needs nothing from the checkpoint");
    }).size());
  }

  @Test
  void valuesLeftToTheCheckpointAreNotStored() {
    byte[] big = new byte[1000];
    byte[] bytes = WriteSetRecord.encode(-1, List.of(Map.of(A, big), Map.of(B, big)));
    assertTrue(bytes.length < 100, bytes.length + " bytes for two values of 1,000 written once");
  }

  @Test
  void recordsOfTheEarlierFormatReadWithEveryValueInFull() throws Exception {
    // Format 1: checkpoint + 1 as u64 without the top bit, every value in full.
    BcsWriter w = new BcsWriter().writeU64(9 + 1).writeUleb128(2);
    w.writeUleb128(1).writeFixedBytes(A.toBytes()).writeBytes(new byte[] {1});
    w.writeUleb128(1).writeFixedBytes(A.toBytes()).writeBytes(new byte[] {4});
    WriteSetRecord r = WriteSetRecord.decode(w.toByteArray());
    assertEquals(9, r.checkpoint());
    List<SortedMap<HashValue, byte[]>> resolved = r.resolved(2, k -> {
      throw new AssertionError("format 1 stores every value");
    });
    assertArrayEquals(new byte[] {1}, resolved.get(0).get(A));
    assertArrayEquals(new byte[] {4}, resolved.get(1).get(A));
  }

  @Test
  void anUnknownTagOrARepeatedKeyIsCorrupt() {
    BcsWriter unknownTag = new BcsWriter().writeU64(1L << 63).writeUleb128(1).writeUleb128(1)
        .writeFixedBytes(A.toBytes()).writeU8(7);
    assertEquals(StorageException.Kind.CORRUPT,
        assertThrows(StorageException.class, () -> WriteSetRecord.decode(unknownTag.toByteArray())).kind());
    BcsWriter repeated = new BcsWriter().writeU64(1L << 63).writeUleb128(1).writeUleb128(2)
        .writeFixedBytes(A.toBytes()).writeU8(1).writeFixedBytes(A.toBytes()).writeU8(1);
    assertEquals(StorageException.Kind.CORRUPT,
        assertThrows(StorageException.class, () -> WriteSetRecord.decode(repeated.toByteArray())).kind());
  }

  @Test
  void equalWriteSetsGiveEqualBytesWhateverTheMapOrder() {
    TreeMap<HashValue, byte[]> sorted = new TreeMap<>(Map.of(A, new byte[] {1}, B, new byte[] {2}));
    java.util.HashMap<HashValue, byte[]> hashed = new java.util.HashMap<>(sorted);
    assertArrayEquals(WriteSetRecord.encode(4, List.of(sorted)), WriteSetRecord.encode(4, List.of(hashed)));
  }
}
