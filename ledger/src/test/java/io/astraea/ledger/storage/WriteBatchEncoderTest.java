package io.astraea.ledger.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.ColumnFamilyOptions;
import org.rocksdb.DBOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.WriteBatch;
import org.rocksdb.WriteOptions;

/**
 * The encoder must produce exactly the bytes RocksDB's own batch API produces for the same
 * entries in the encoder's order: the ledger hands those bytes to RocksDB as a batch, so any
 * difference would be a corrupt write, not a slower one. Reordering must not change what the
 * batch means: the last entry for a key still wins.
 */
class WriteBatchEncoderTest {
  @TempDir Path dir;

  private final List<ColumnFamilyHandle> handles = new ArrayList<>();
  private DBOptions options;
  private ColumnFamilyOptions cfOptions;
  private RocksDB db;

  @BeforeEach
  void open() throws RocksDBException {
    RocksDB.loadLibrary();
    options = new DBOptions().setCreateIfMissing(true).setCreateMissingColumnFamilies(true);
    cfOptions = new ColumnFamilyOptions();
    db = RocksDB.open(options, dir.toString(), List.of(
        new ColumnFamilyDescriptor(RocksDB.DEFAULT_COLUMN_FAMILY, cfOptions),
        new ColumnFamilyDescriptor("one".getBytes(), cfOptions),
        new ColumnFamilyDescriptor("two".getBytes(), cfOptions)), handles);
  }

  @AfterEach
  void close() {
    handles.forEach(ColumnFamilyHandle::close);
    db.close();
    cfOptions.close();
    options.close();
  }

  /** One entry of a test batch: a put, or a delete when {@code value} is null. */
  private record Op(int family, byte[] key, byte[] value) {}

  @Test
  void entriesEncodeAsRocksDbsOwnBatchOfTheSameEntriesInFamilyAndKeyOrder() throws RocksDBException {
    SplittableRandom random = new SplittableRandom(11);
    List<Op> ops = new ArrayList<>();
    // Lengths around the varint32 boundaries (1, 2 and 3 bytes), empty keys and values, repeated
    // keys (put then delete, delete then put) and deletes in the default family.
    int[] lengths = {0, 1, 127, 128, 300, 16_383, 16_384, 70_000};
    for (int round = 0; round < 3; round++) {
      for (int length : lengths) {
        int family = random.nextInt(handles.size());
        byte[] key = bytes(random, random.nextInt(40));
        ops.add(new Op(family, key, bytes(random, length)));
        if (random.nextInt(3) == 0) {
          ops.add(new Op(family, key, null));
        }
        if (random.nextInt(3) == 0) {
          ops.add(new Op(family, key, bytes(random, 5)));
        }
      }
    }
    ops.add(new Op(0, bytes(random, 128), null));

    WriteBatchEncoder encoder = new WriteBatchEncoder();
    for (Op op : ops) {
      add(encoder, op);
    }
    // The same entries in the encoder's documented order: by family id, then by key (unsigned
    // bytes), keeping the order added among equal keys.
    List<Op> sorted = new ArrayList<>(ops);
    sorted.sort(Comparator.comparingInt((Op op) -> handles.get(op.family).getID())
        .thenComparing(Op::key, Arrays::compareUnsigned));
    try (WriteBatch reference = new WriteBatch()) {
      for (Op op : sorted) {
        if (op.value == null) {
          reference.delete(handles.get(op.family), op.key);
        } else {
          reference.put(handles.get(op.family), op.key, op.value);
        }
      }
      assertEquals(reference.count(), encoder.count());
      assertArrayEquals(reference.data(), encoder.toBytes());
    }
  }

  private void add(WriteBatchEncoder encoder, Op op) {
    int id = handles.get(op.family).getID();
    if (op.value == null) {
      encoder.delete(id, op.key);
    } else {
      encoder.put(id, op.key, op.value);
    }
  }

  @Test
  void anEncodedBatchIsWrittenAtomicallyAndReadsBack() throws RocksDBException {
    WriteBatchEncoder encoder = new WriteBatchEncoder();
    encoder.put(handles.get(0).getID(), "a".getBytes(), "default value".getBytes());
    encoder.put(handles.get(1).getID(), "b".getBytes(), "first".getBytes());
    encoder.put(handles.get(2).getID(), "c".getBytes(), new byte[200_000]);
    encoder.put(handles.get(1).getID(), "b".getBytes(), "second".getBytes()); // a later entry wins
    encoder.delete(handles.get(2).getID(), "gone".getBytes());
    encoder.put(handles.get(2).getID(), "back".getBytes(), "1".getBytes());
    encoder.delete(handles.get(2).getID(), "back".getBytes()); // put, then delete: deleted
    encoder.delete(handles.get(2).getID(), "again".getBytes());
    encoder.put(handles.get(2).getID(), "again".getBytes(), "2".getBytes()); // delete, then put: present
    try (WriteBatch batch = new WriteBatch(encoder.toBytes()); WriteOptions sync = new WriteOptions().setSync(true)) {
      assertEquals(9, batch.count());
      db.put(handles.get(2), "gone".getBytes(), "x".getBytes());
      db.put(handles.get(2), "back".getBytes(), "x".getBytes());
      db.write(sync, batch);
    }
    assertNull(db.get(handles.get(2), "back".getBytes()));
    assertArrayEquals("2".getBytes(), db.get(handles.get(2), "again".getBytes()));
    assertArrayEquals("default value".getBytes(), db.get(handles.get(0), "a".getBytes()));
    assertArrayEquals("second".getBytes(), db.get(handles.get(1), "b".getBytes()));
    assertEquals(200_000, db.get(handles.get(2), "c".getBytes()).length);
    assertNull(db.get(handles.get(2), "gone".getBytes()));
  }

  @Test
  void aNegativeFamilyIdIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> new WriteBatchEncoder().put(-1, new byte[1], new byte[1]));
  }

  private static byte[] bytes(SplittableRandom random, int n) {
    byte[] b = new byte[n];
    for (int i = 0; i < n; i++) {
      b[i] = (byte) random.nextInt(256);
    }
    return b;
  }
}
