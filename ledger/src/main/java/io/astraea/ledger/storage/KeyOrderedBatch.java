package io.astraea.ledger.storage;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.RocksDBException;
import org.rocksdb.WriteBatch;

/**
 * Collects a write batch's entries and hands them to RocksDB family by family, each family's in
 * key order (RocksDB's bytewise order; a stable sort, so of two entries with the same key the
 * later one still wins). The batch means the same, and RocksDB inserts it faster: a block's index
 * entries (transaction hashes, senders, event keys) and tree nodes arrive in no particular key
 * order, and inserting a key next to the previous one lets RocksDB's memtable skip most of its
 * search (docs/PERFORMANCE.md, "Sixth round").
 *
 * <p>Families are emitted in the order of their RocksDB ids. A family added as unordered keeps the
 * order its entries were added in: a memtable that hashes key prefixes (see {@link ColumnFamily})
 * gains nothing from the sort. The arrays are read when the entries are emitted ({@link #fill}),
 * not copied when added: they must not change until then.
 */
final class KeyOrderedBatch {
  /** One put ({@code value} set) or delete ({@code value} null). */
  private record Entry(byte[] key, byte[] value) {}

  private static final Comparator<Entry> BY_KEY = (a, b) -> Arrays.compareUnsigned(a.key, b.key);

  /** A family's handle, whether its entries are sorted, and its entries, in the order added. */
  private record Family(ColumnFamilyHandle handle, boolean ordered, List<Entry> entries) {}

  /** The families written to, by RocksDB id. */
  private final TreeMap<Integer, Family> byId = new TreeMap<>();
  private int count;

  /**
   * Adds a put of {@code value} under {@code key} to a family whose entries are sorted ({@code
   * ordered}) or not; a family is one or the other for the whole batch. See the class comment on
   * the arrays.
   */
  KeyOrderedBatch put(ColumnFamilyHandle family, int familyId, boolean ordered, byte[] key, byte[] value) {
    return add(family, familyId, ordered, new Entry(key, value));
  }

  /** Adds a delete of {@code key}, as {@link #put} adds a put. */
  KeyOrderedBatch delete(ColumnFamilyHandle family, int familyId, boolean ordered, byte[] key) {
    return add(family, familyId, ordered, new Entry(key, null));
  }

  private KeyOrderedBatch add(ColumnFamilyHandle family, int familyId, boolean ordered, Entry e) {
    Family f = byId.computeIfAbsent(familyId, id -> new Family(family, ordered, new ArrayList<>()));
    if (f.ordered() != ordered) {
      throw new IllegalArgumentException("family " + familyId + " added both sorted and unsorted");
    }
    f.entries().add(e);
    count++;
    return this;
  }

  /** Entries added so far. */
  int count() {
    return count;
  }

  /** Adds every entry to {@code batch}, in the order described above. */
  void fill(WriteBatch batch) throws RocksDBException {
    for (Family family : byId.values()) {
      if (family.ordered()) {
        family.entries().sort(BY_KEY); // List.sort is stable
      }
      for (Entry e : family.entries()) {
        if (e.value != null) {
          batch.put(family.handle(), e.key, e.value);
        } else {
          batch.delete(family.handle(), e.key);
        }
      }
    }
  }
}
