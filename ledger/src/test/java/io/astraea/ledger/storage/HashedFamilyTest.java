package io.astraea.ledger.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.ColumnFamilyOptions;
import org.rocksdb.DBOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.WriteBatch;
import org.rocksdb.WriteOptions;

/**
 * The families whose memtables hash a key prefix ({@link ColumnFamily#hashedPrefixLength}) answer
 * point reads and scans within a prefix exactly as an ordered family would, whether their entries
 * are in memtables, in files, or in files written before the families were hashed.
 */
class HashedFamilyTest {
  private static final ColumnFamily FAMILY = ColumnFamily.EVENT_INDEX;
  private static final int PREFIXES = 40;
  private static final int SEQUENCES = 30;

  @TempDir
  Path dir;

  /** Prefixes that sort next to each other (they differ in the last byte only) and one far away. */
  private static byte[] prefix(int i) {
    byte[] p = new byte[FAMILY.hashedPrefixLength()];
    Arrays.fill(p, (byte) 0x5a);
    p[p.length - 1] = (byte) i;
    if (i == PREFIXES - 1) {
      p[0] = 0x01;
    }
    return p;
  }

  private static byte[] key(int prefix, long sequence) {
    return Keys.concat(prefix(prefix), sequence);
  }

  private static byte[] value(int prefix, long sequence) {
    return ByteBuffer.allocate(12).putInt(prefix).putLong(sequence).array();
  }

  /** Writes the even or the odd sequence numbers of every prefix, in one batch, in random order. */
  private static void writeHalf(LedgerDb db, int parity, Map<ByteBuffer, byte[]> reference, Random random)
      throws StorageException {
    List<int[]> entries = new ArrayList<>();
    for (int p = 0; p < PREFIXES; p++) {
      for (int s = parity; s < SEQUENCES; s += 2) {
        entries.add(new int[] {p, s});
      }
    }
    java.util.Collections.shuffle(entries, random);
    db.write(true, b -> {
      for (int[] e : entries) {
        b.put(FAMILY, key(e[0], e[1]), value(e[0], e[1]));
      }
    });
    for (int[] e : entries) {
      reference.put(ByteBuffer.wrap(key(e[0], e[1])), value(e[0], e[1]));
    }
  }

  /** Every key the iterator shows from {@code (prefix, from)}, without the visitor ever stopping it. */
  private static List<byte[]> scanAll(LedgerDb db, int prefix, long from) throws StorageException {
    List<byte[]> seen = new ArrayList<>();
    db.scan(FAMILY, key(prefix, from), (k, v) -> {
      seen.add(k);
      assertArrayEquals(value(prefix, Keys.readU64(k, FAMILY.hashedPrefixLength())), v);
      return true;
    });
    return seen;
  }

  private static void assertScansMatch(LedgerDb db, TreeMap<ByteBuffer, byte[]> reference) throws StorageException {
    for (int p = 0; p < PREFIXES; p++) {
      for (long from : new long[] {0, 7, SEQUENCES - 1, SEQUENCES}) {
        List<byte[]> expected = new ArrayList<>();
        for (ByteBuffer k : reference.tailMap(ByteBuffer.wrap(key(p, from))).keySet()) {
          if (!Keys.hasPrefix(k.array(), prefix(p))) {
            break;
          }
          expected.add(k.array());
        }
        List<byte[]> seen = scanAll(db, p, from);
        assertEquals(expected.size(), seen.size(), "entries of prefix " + p + " from " + from);
        for (int i = 0; i < seen.size(); i++) {
          assertArrayEquals(expected.get(i), seen.get(i), "entry " + i + " of prefix " + p + " from " + from);
        }
      }
    }
  }

  @Test
  void scansStayWithinTheirPrefixInMemtablesAndFiles() throws Exception {
    Random random = new Random(7);
    TreeMap<ByteBuffer, byte[]> reference = new TreeMap<>();
    try (LedgerDb db = LedgerDb.open(dir)) {
      writeHalf(db, 0, reference, random);
      assertScansMatch(db, reference); // memtable only
    }
    // Reopening replays the log and flushes it to a file; the odd half then goes to a memtable.
    try (LedgerDb db = LedgerDb.open(dir)) {
      writeHalf(db, 1, reference, random);
      assertScansMatch(db, reference);
      assertEquals(PREFIXES * SEQUENCES, reference.size());
      for (int p = 0; p < PREFIXES; p++) {
        assertArrayEquals(value(p, 3), db.get(FAMILY, key(p, 3)));
        assertNull(db.get(FAMILY, key(p, SEQUENCES)));
      }
    }
  }

  @Test
  void readsWhatADatabaseWithOrderedFamiliesWrote() throws Exception {
    // The layout of earlier releases: every family with RocksDB's default (ordered) memtable and no
    // prefix extractor. Entries in its log and in its files must read the same after the upgrade.
    DBOptions options = new DBOptions().setCreateIfMissing(true).setCreateMissingColumnFamilies(true);
    ColumnFamilyOptions plain = new ColumnFamilyOptions();
    List<ColumnFamilyDescriptor> descriptors = new ArrayList<>();
    for (ColumnFamily cf : ColumnFamily.values()) {
      descriptors.add(new ColumnFamilyDescriptor(cf.nameBytes(), plain));
    }
    List<ColumnFamilyHandle> handles = new ArrayList<>();
    TreeMap<ByteBuffer, byte[]> reference = new TreeMap<>();
    try (RocksDB old = RocksDB.open(options, dir.toString(), descriptors, handles);
        WriteOptions sync = new WriteOptions().setSync(true)) {
      ColumnFamilyHandle family = handles.get(FAMILY.ordinal());
      for (int round = 0; round < 2; round++) {
        try (WriteBatch batch = new WriteBatch()) {
          for (int p = 0; p < PREFIXES; p++) {
            for (int s = round; s < SEQUENCES; s += 2) {
              batch.put(family, key(p, s), value(p, s));
              reference.put(ByteBuffer.wrap(key(p, s)), value(p, s));
            }
          }
          old.write(sync, batch);
        }
        if (round == 0) {
          old.flush(new org.rocksdb.FlushOptions().setWaitForFlush(true), family); // one half in a file
        }
      }
      handles.forEach(ColumnFamilyHandle::close);
    } finally {
      options.close();
      plain.close();
    }
    try (LedgerDb db = LedgerDb.open(dir)) {
      assertScansMatch(db, reference);
      writeHalf(db, 0, reference, new Random(3)); // rewrites of the same keys, now in a hashed memtable
      assertScansMatch(db, reference);
    }
  }

  @Test
  void aHashedFamilyIsScannedOnlyWithinAPrefix() throws Exception {
    try (LedgerDb db = LedgerDb.open(dir)) {
      int hashed = 0;
      for (ColumnFamily cf : ColumnFamily.values()) {
        if (cf.hashedPrefixLength() == 0) {
          continue;
        }
        hashed++;
        assertThrows(IllegalArgumentException.class, () -> db.scan(cf, null, (k, v) -> true));
        byte[] shortKey = new byte[cf.hashedPrefixLength() - 1];
        assertThrows(IllegalArgumentException.class, () -> db.scan(cf, shortKey, (k, v) -> true));
        assertThrows(IllegalArgumentException.class, () -> db.last(cf));
      }
      assertEquals(3, hashed, "the event, sender and hash indexes are hashed");
    }
  }
}
