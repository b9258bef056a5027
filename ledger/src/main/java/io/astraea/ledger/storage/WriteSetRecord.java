package io.astraea.ledger.storage;

import io.astraea.crypto.HashValue;
import io.astraea.crypto.bcs.BcsException;
import io.astraea.crypto.bcs.BcsReader;
import io.astraea.crypto.bcs.BcsWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The stored state changes of one commit, version by version, with the checkpoint they apply on
 * top of: the last version of the previous commit (-1 for none), whose tree nodes are stored. The
 * tree keeps nodes at commit boundaries only ({@link io.astraea.ledger.jmt.NodeRetention#LAST_VERSION}),
 * so the state at a version inside a commit is the checkpoint's tree plus the write sets after it.
 * Stored under the commit's last version, so the first key at or above a version finds the commit
 * holding it.
 *
 * <p>Encoding (format 2): {@code checkpoint + 1} as u64 with its top bit set, then a BCS
 * sequence of write sets, each a BCS sequence in key order of (32-byte key, u8 tag, then for tag
 * 0 the value bytes). Tag 1 stands for the key's last write in the commit: its value is the
 * key's leaf in the commit's own checkpoint tree, which is stored anyway, so it is not repeated
 * here. In a block of transfers nearly every key is written once, so nearly every value goes
 * (docs/STATE.md). Equal write sets give equal bytes.
 *
 * <p>Format 1, written before: {@code checkpoint + 1} as u64 (top bit clear), then the write sets
 * with every value in full, (32-byte key, value bytes). Both are read.
 *
 * @param checkpoint the version whose tree the first write set applies on, -1 for the empty tree
 * @param writeSets state key → new value, one map per version from {@code checkpoint + 1}; a null
 *     value stands for the key's last write in the commit, read from the commit's checkpoint
 *     tree ({@link #resolved})
 */
record WriteSetRecord(long checkpoint, List<SortedMap<HashValue, byte[]>> writeSets) {
  private static final long FORMAT_2 = 1L << 63;
  private static final int TAG_VALUE = 0;
  private static final int TAG_FINAL = 1;

  WriteSetRecord {
    if (checkpoint < -1) {
      throw new IllegalArgumentException("checkpoint " + checkpoint);
    }
    writeSets = List.copyOf(writeSets);
  }

  /** The last version these write sets reach. */
  long lastVersion() {
    return checkpoint + writeSets.size();
  }

  /** Reads a key's value in the commit's checkpoint tree (at {@link #lastVersion}). */
  interface FinalValues {
    byte[] at(HashValue key) throws StorageException;
  }

  /**
   * The first {@code count} write sets with every value in full: the values left out as the
   * key's last write are read through {@code finals}.
   */
  List<SortedMap<HashValue, byte[]>> resolved(int count, FinalValues finals) throws StorageException {
    List<SortedMap<HashValue, byte[]>> out = new ArrayList<>(count);
    for (SortedMap<HashValue, byte[]> set : writeSets.subList(0, count)) {
      TreeMap<HashValue, byte[]> full = new TreeMap<>();
      for (Map.Entry<HashValue, byte[]> e : set.entrySet()) {
        full.put(e.getKey(), e.getValue() != null ? e.getValue() : finals.at(e.getKey()));
      }
      out.add(full);
    }
    return out;
  }

  static byte[] encode(long checkpoint, List<? extends Map<HashValue, byte[]>> writeSets) {
    // The version index of each key's last write in the commit.
    Map<HashValue, Integer> lastWrite = new HashMap<>();
    for (int i = 0; i < writeSets.size(); i++) {
      for (HashValue key : writeSets.get(i).keySet()) {
        lastWrite.put(key, i);
      }
    }
    BcsWriter w = new BcsWriter().writeU64((checkpoint + 1) | FORMAT_2).writeUleb128(writeSets.size());
    for (int i = 0; i < writeSets.size(); i++) {
      Map<HashValue, byte[]> writes = writeSets.get(i);
      SortedMap<HashValue, byte[]> sorted =
          writes instanceof SortedMap<HashValue, byte[]> s && s.comparator() == null ? s : new TreeMap<>(writes);
      w.writeUleb128(sorted.size());
      for (Map.Entry<HashValue, byte[]> e : sorted.entrySet()) {
        w.writeFixedBytes(e.getKey().toBytes());
        if (lastWrite.get(e.getKey()) == i) {
          w.writeU8(TAG_FINAL);
        } else {
          w.writeU8(TAG_VALUE).writeBytes(e.getValue());
        }
      }
    }
    return w.toByteArray();
  }

  static WriteSetRecord decode(byte[] bytes) throws StorageException {
    try {
      return BcsReader.decode(bytes, r -> {
        long first = r.readU64();
        boolean tagged = (first & FORMAT_2) != 0;
        long checkpoint = (first & ~FORMAT_2) - 1;
        long versions = r.readUleb128();
        List<SortedMap<HashValue, byte[]>> sets = new ArrayList<>();
        for (long v = 0; v < versions; v++) {
          long n = r.readUleb128();
          TreeMap<HashValue, byte[]> writes = new TreeMap<>();
          for (long i = 0; i < n; i++) {
            HashValue key = HashValue.wrap(r.readFixedBytes(HashValue.LENGTH));
            if (writes.containsKey(key)) {
              throw new BcsException("duplicate key " + key, r.position());
            }
            writes.put(key, tagged ? readTagged(r) : r.readBytes());
          }
          sets.add(writes);
        }
        return new WriteSetRecord(checkpoint, sets);
      });
    } catch (BcsException | IllegalArgumentException e) {
      throw new StorageException(StorageException.Kind.CORRUPT, "bad write set record: " + e.getMessage(), e);
    }
  }

  private static byte[] readTagged(BcsReader r) throws BcsException {
    int tag = r.readU8();
    return switch (tag) {
      case TAG_VALUE -> r.readBytes();
      case TAG_FINAL -> null;
      default -> throw new BcsException("unknown write tag " + tag, r.position());
    };
  }
}
