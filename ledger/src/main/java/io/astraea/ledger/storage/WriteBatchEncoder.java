package io.astraea.ledger.storage;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Builds a RocksDB write batch in RocksDB's own serialized form, in a Java array, so that a
 * block's commit (some 15,000 entries for 1,000 transfers) crosses into native code once instead
 * of once per entry, and so that its entries can be put in the order RocksDB inserts fastest.
 *
 * <p>Entries are emitted family by family, each family's in key order (RocksDB's bytewise order;
 * a stable sort, so of two entries with the same key the later one still wins). The batch means
 * the same, and RocksDB inserts it faster: a block's index entries (transaction hashes,
 * senders, event keys) and tree nodes arrive in no particular key order, and inserting a key next
 * to the previous one lets RocksDB's memtable skip most of its search (docs/PERFORMANCE.md, "Sixth
 * round").
 *
 * <p>The form is the one RocksDB logs in its write-ahead log ({@code db/write_batch.cc}): a
 * 12-byte header (sequence number, fixed64, left 0 for the database to assign; entry count,
 * fixed32, both little-endian), then one record per entry: a type byte, the column family id as
 * a varint32 unless it is the default family (id 0), then the key and, for a put, the value, each
 * as a varint32 length and the bytes. {@code WriteBatchEncoderTest} checks the bytes against the
 * batch RocksDB's own API builds for the same entries, so a change of form fails a test rather
 * than a commit.
 */
final class WriteBatchEncoder {
  /** Record types of {@code db/dbformat.h}. */
  private static final byte TYPE_DELETION = 0x0;
  private static final byte TYPE_VALUE = 0x1;
  private static final byte TYPE_COLUMN_FAMILY_DELETION = 0x4;
  private static final byte TYPE_COLUMN_FAMILY_VALUE = 0x5;
  private static final int HEADER = 12;

  /** Entries by column family id, in the order added. */
  private final TreeMap<Integer, List<Entry>> byFamily = new TreeMap<>();
  private long bytes = HEADER;
  private int count;

  /** One put ({@code value} set) or delete ({@code value} null). */
  private record Entry(byte[] key, byte[] value) {}

  /**
   * Adds a put of {@code value} under {@code key} in the family with RocksDB id {@code familyId}.
   * The arrays are read at {@link #toBytes}, not copied here: they must not change until then.
   */
  WriteBatchEncoder put(int familyId, byte[] key, byte[] value) {
    return add(familyId, new Entry(key, value));
  }

  /** Adds a delete of {@code key} in the family with RocksDB id {@code familyId}; see {@link #put}. */
  WriteBatchEncoder delete(int familyId, byte[] key) {
    return add(familyId, new Entry(key, null));
  }

  private WriteBatchEncoder add(int familyId, Entry e) {
    if (familyId < 0) {
      throw new IllegalArgumentException("column family id " + familyId);
    }
    long size = 1 + (familyId == 0 ? 0 : varintLength(familyId)) + varintLength(e.key.length) + e.key.length
        + (e.value == null ? 0 : varintLength(e.value.length) + e.value.length);
    if (bytes + size > Integer.MAX_VALUE - 8) {
      throw new IllegalStateException("write batch would exceed " + (Integer.MAX_VALUE - 8) + " bytes");
    }
    byFamily.computeIfAbsent(familyId, id -> new ArrayList<>()).add(e);
    bytes += size;
    count++;
    return this;
  }

  /** Entries added so far. */
  int count() {
    return count;
  }

  /** The serialized batch: the header with the entry count, then the records, sorted as described. */
  byte[] toBytes() {
    byte[] out = new byte[(int) bytes];
    // Sequence number: zero (bytes 0..7 stay zero); the database assigns it on write.
    out[8] = (byte) count;
    out[9] = (byte) (count >>> 8);
    out[10] = (byte) (count >>> 16);
    out[11] = (byte) (count >>> 24);
    int pos = HEADER;
    for (Map.Entry<Integer, List<Entry>> family : byFamily.entrySet()) {
      int id = family.getKey();
      List<Entry> entries = family.getValue();
      entries.sort(BY_KEY); // List.sort is stable
      for (Entry e : entries) {
        boolean put = e.value != null;
        if (id == 0) {
          out[pos++] = put ? TYPE_VALUE : TYPE_DELETION;
        } else {
          out[pos++] = put ? TYPE_COLUMN_FAMILY_VALUE : TYPE_COLUMN_FAMILY_DELETION;
          pos = varint32(out, pos, id);
        }
        pos = lengthPrefixed(out, pos, e.key);
        if (put) {
          pos = lengthPrefixed(out, pos, e.value);
        }
      }
    }
    if (pos != out.length) {
      throw new IllegalStateException("write batch size " + pos + " differs from its computed size " + out.length);
    }
    return out;
  }

  private static final Comparator<Entry> BY_KEY = (a, b) -> Arrays.compareUnsigned(a.key, b.key);

  private static int lengthPrefixed(byte[] out, int pos, byte[] b) {
    pos = varint32(out, pos, b.length);
    System.arraycopy(b, 0, out, pos, b.length);
    return pos + b.length;
  }

  private static int varint32(byte[] out, int pos, int v) {
    while ((v & ~0x7F) != 0) {
      out[pos++] = (byte) ((v & 0x7F) | 0x80);
      v >>>= 7;
    }
    out[pos++] = (byte) v;
    return pos;
  }

  private static int varintLength(int v) {
    int n = 1;
    while ((v & ~0x7F) != 0) {
      n++;
      v >>>= 7;
    }
    return n;
  }
}
