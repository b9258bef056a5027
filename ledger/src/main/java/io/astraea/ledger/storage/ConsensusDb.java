package io.astraea.ledger.storage;

import io.astraea.crypto.HashValue;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Consensus' durable data in the ledger database, as opaque bytes (consensus owns the formats):
 * blocks and quorum certificates by block id, the safety data, and the recovery record (where
 * consensus resumes after a restart). Every write is synchronous, so a vote or timeout sent after a
 * write returns can never be forgotten by a crash.
 */
public final class ConsensusDb {
  private static final byte[] SAFETY_KEY = "safety_data".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] RECOVERY_KEY = "recovery_record".getBytes(StandardCharsets.US_ASCII);

  private final LedgerDb db;

  ConsensusDb(LedgerDb db) {
    this.db = db;
  }

  /** Persists (fsync) the safety data; call before any vote or timeout leaves the process. */
  public void saveSafetyData(byte[] bytes) throws StorageException {
    db.write(true, b -> b.put(ColumnFamily.SAFETY_DATA, SAFETY_KEY, bytes.clone()));
  }

  public Optional<byte[]> safetyData() throws StorageException {
    return Optional.ofNullable(db.get(ColumnFamily.SAFETY_DATA, SAFETY_KEY));
  }

  /**
   * Replaces (fsync) the recovery record on its own, for a record that follows no ledger commit (a
   * state sync, or a commit whose ledger writes are all done). A commit carries its record in its
   * own batch instead ({@link LedgerStore#commit(BlockCommit, Optional)}).
   */
  public void saveRecoveryRecord(byte[] bytes) throws StorageException {
    db.write(true, b -> putRecoveryRecord(b, bytes));
  }

  /** The last recovery record stored, if any. */
  public Optional<byte[]> recoveryRecord() throws StorageException {
    return Optional.ofNullable(db.get(ColumnFamily.SAFETY_DATA, RECOVERY_KEY));
  }

  /** Adds the recovery record to a batch, so that it commits atomically with the batch's ledger writes. */
  static void putRecoveryRecord(LedgerDb.Batch b, byte[] bytes) {
    b.put(ColumnFamily.SAFETY_DATA, RECOVERY_KEY, bytes.clone());
  }

  /** Persists (fsync) blocks and quorum certificates, keyed by block id, in one batch. */
  public void saveBlocksAndQuorumCertificates(Map<HashValue, byte[]> blocks, Map<HashValue, byte[]> qcs)
      throws StorageException {
    db.write(true, b -> {
      for (Map.Entry<HashValue, byte[]> e : new TreeMap<>(blocks).entrySet()) {
        b.put(ColumnFamily.CONSENSUS_BLOCKS, e.getKey().toBytes(), e.getValue().clone());
      }
      for (Map.Entry<HashValue, byte[]> e : new TreeMap<>(qcs).entrySet()) {
        b.put(ColumnFamily.QUORUM_CERTIFICATES, e.getKey().toBytes(), e.getValue().clone());
      }
    });
  }

  /** Deletes blocks and their quorum certificates (after they are committed or abandoned). */
  public void deleteBlocksAndQuorumCertificates(Collection<HashValue> blockIds) throws StorageException {
    db.write(true, b -> {
      for (HashValue id : blockIds) {
        b.delete(ColumnFamily.CONSENSUS_BLOCKS, id.toBytes());
        b.delete(ColumnFamily.QUORUM_CERTIFICATES, id.toBytes());
      }
    });
  }

  public SortedMap<HashValue, byte[]> blocks() throws StorageException {
    return all(ColumnFamily.CONSENSUS_BLOCKS);
  }

  public SortedMap<HashValue, byte[]> quorumCertificates() throws StorageException {
    return all(ColumnFamily.QUORUM_CERTIFICATES);
  }

  private SortedMap<HashValue, byte[]> all(ColumnFamily cf) throws StorageException {
    SortedMap<HashValue, byte[]> out = new TreeMap<>();
    db.scan(cf, null, (k, v) -> {
      if (k.length != HashValue.LENGTH) {
        throw new StorageException(StorageException.Kind.CORRUPT, "bad block id in " + cf.dbName());
      }
      out.put(HashValue.wrap(k), v);
      return true;
    });
    return out;
  }
}
