package io.astraea.ledger.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

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
 * The batch must hold exactly the entries added, in the documented order (family id, then key,
 * then the order added), and reordering must not change what the batch means: the last entry for
 * a key still wins.
 */
class KeyOrderedBatchTest {
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
  void entriesReachTheBatchInFamilyAndKeyOrderKeepingTheOrderOfEqualKeys() throws RocksDBException {
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

    KeyOrderedBatch ordered = new KeyOrderedBatch();
    for (Op op : ops) {
      add(ordered, op);
    }
    // The same entries in the encoder's documented order: by family id, then by key (unsigned
    // bytes) in an ordered family, keeping the order added among equal keys and in an unordered one.
    List<Op> sorted = new ArrayList<>(ops);
    sorted.sort(Comparator.comparingInt((Op op) -> handles.get(op.family).getID())
        .thenComparing((a, b) -> ordered(a.family) ? Arrays.compareUnsigned(a.key, b.key) : 0));
    try (WriteBatch reference = new WriteBatch(); WriteBatch filled = new WriteBatch()) {
      for (Op op : sorted) {
        if (op.value == null) {
          reference.delete(handles.get(op.family), op.key);
        } else {
          reference.put(handles.get(op.family), op.key, op.value);
        }
      }
      ordered.fill(filled);
      assertEquals(ops.size(), ordered.count());
      assertEquals(reference.count(), filled.count());
      assertArrayEquals(reference.data(), filled.data());
    }
  }

  /** Family "two" stands for a hashed family, whose entries keep the order added. */
  private static boolean ordered(int family) {
    return family != 2;
  }

  private void add(KeyOrderedBatch batch, Op op) {
    ColumnFamilyHandle handle = handles.get(op.family);
    if (op.value == null) {
      batch.delete(handle, handle.getID(), ordered(op.family), op.key);
    } else {
      batch.put(handle, handle.getID(), ordered(op.family), op.key, op.value);
    }
  }

  @Test
  void anOrderedBatchIsWrittenAtomicallyAndReadsBack() throws RocksDBException {
    KeyOrderedBatch ordered = new KeyOrderedBatch();
    put(ordered, 0, "a", "default value".getBytes());
    put(ordered, 1, "b", "first".getBytes());
    put(ordered, 2, "c", new byte[200_000]);
    put(ordered, 1, "b", "second".getBytes()); // a later entry wins
    delete(ordered, 2, "gone");
    put(ordered, 2, "back", "1".getBytes());
    delete(ordered, 2, "back"); // put, then delete: deleted
    delete(ordered, 2, "again");
    put(ordered, 2, "again", "2".getBytes()); // delete, then put: present
    try (WriteBatch batch = new WriteBatch(); WriteOptions sync = new WriteOptions().setSync(true)) {
      ordered.fill(batch);
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

  private void put(KeyOrderedBatch batch, int family, String key, byte[] value) {
    batch.put(handles.get(family), handles.get(family).getID(), ordered(family), key.getBytes(), value);
  }

  private void delete(KeyOrderedBatch batch, int family, String key) {
    batch.delete(handles.get(family), handles.get(family).getID(), ordered(family), key.getBytes());
  }

  private static byte[] bytes(SplittableRandom random, int n) {
    byte[] b = new byte[n];
    for (int i = 0; i < n; i++) {
      b[i] = (byte) random.nextInt(256);
    }
    return b;
  }
}
