package io.astraea.ledger.storage;

import io.astraea.crypto.HashValue;
import io.astraea.crypto.bcs.BcsException;
import io.astraea.crypto.bcs.BcsReader;
import io.astraea.crypto.bcs.BcsWriter;
import java.util.ArrayList;
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
 * <p>Encoding: {@code checkpoint + 1} as u64, then a BCS sequence of write sets, each a BCS
 * sequence of (32-byte key, value bytes) in key order, so equal write sets give equal bytes.
 *
 * @param checkpoint the version whose tree the first write set applies on, -1 for the empty tree
 * @param writeSets state key → new value, one map per version from {@code checkpoint + 1}
 */
record WriteSetRecord(long checkpoint, List<SortedMap<HashValue, byte[]>> writeSets) {
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

  static byte[] encode(long checkpoint, List<? extends Map<HashValue, byte[]>> writeSets) {
    BcsWriter w = new BcsWriter().writeU64(checkpoint + 1).writeUleb128(writeSets.size());
    for (Map<HashValue, byte[]> writes : writeSets) {
      SortedMap<HashValue, byte[]> sorted =
          writes instanceof SortedMap<HashValue, byte[]> s && s.comparator() == null ? s : new TreeMap<>(writes);
      w.writeUleb128(sorted.size());
      for (Map.Entry<HashValue, byte[]> e : sorted.entrySet()) {
        w.writeFixedBytes(e.getKey().toBytes()).writeBytes(e.getValue());
      }
    }
    return w.toByteArray();
  }

  static WriteSetRecord decode(byte[] bytes) throws StorageException {
    try {
      return BcsReader.decode(bytes, r -> {
        long checkpoint = r.readU64() - 1;
        long versions = r.readUleb128();
        List<SortedMap<HashValue, byte[]>> sets = new ArrayList<>();
        for (long v = 0; v < versions; v++) {
          long n = r.readUleb128();
          TreeMap<HashValue, byte[]> writes = new TreeMap<>();
          for (long i = 0; i < n; i++) {
            HashValue key = HashValue.wrap(r.readFixedBytes(HashValue.LENGTH));
            if (writes.put(key, r.readBytes()) != null) {
              throw new BcsException("duplicate key " + key, r.position());
            }
          }
          sets.add(writes);
        }
        return new WriteSetRecord(checkpoint, sets);
      });
    } catch (BcsException | IllegalArgumentException e) {
      throw new StorageException(StorageException.Kind.CORRUPT, "bad write set record: " + e.getMessage(), e);
    }
  }
}
