package io.astraea.node.ledger;

import io.astraea.consensus.RecoveryData;
import io.astraea.crypto.bcs.BcsException;
import io.astraea.ledger.storage.ConsensusDb;
import io.astraea.ledger.storage.StorageException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the node keeps the consensus {@link RecoveryData} of its latest commit or state sync: one
 * record in the ledger database ({@link ConsensusDb#recoveryRecord}). A commit writes it in the
 * batch of its last block, so the record and the ledger it describes become durable together, with
 * one fsync; a sync, or a commit with nothing left to write, replaces it with a synced write of
 * its own. Either way the record never runs ahead of the ledger. A record older than the ledger is
 * still a valid place to resume, because re-executing and re-committing blocks the ledger already
 * holds is a no-op.
 *
 * <p>Data directories written before the record moved into the database hold it in a file beside
 * the database ({@link #LEGACY_FILE}); it is read when the database has no record, and deleted
 * once the database has one.
 */
public final class RecoveryStore {
  static final String LEGACY_FILE = "consensus-recovery.bcs";

  private static final Logger LOG = LoggerFactory.getLogger(RecoveryStore.class);

  private final ConsensusDb db;
  private final Path legacyFile;
  /** Set once the legacy file is known to be gone, so that commits stop checking for it. */
  private volatile boolean legacyGone;
  private volatile boolean deleteFailureLogged;

  public RecoveryStore(ConsensusDb db, Path dataDir) {
    this.db = db;
    this.legacyFile = dataDir.resolve(LEGACY_FILE);
  }

  /** The last saved record, or empty if none was ever saved. */
  public Optional<RecoveryData> load() throws StorageException {
    Optional<byte[]> stored = db.recoveryRecord();
    if (stored.isPresent()) {
      return Optional.of(decode(stored.get(), "the stored recovery record"));
    }
    if (!Files.exists(legacyFile)) {
      return Optional.empty();
    }
    try {
      return Optional.of(decode(Files.readAllBytes(legacyFile), legacyFile.toString()));
    } catch (IOException e) {
      throw new StorageException(StorageException.Kind.IO, "cannot read " + legacyFile + ": " + e.getMessage(), e);
    }
  }

  /** Saves {@code data} durably on its own; returns once it survives a crash. */
  public void save(RecoveryData data) throws StorageException {
    db.saveRecoveryRecord(RecoveryCodec.encode(data));
    stored();
  }

  /**
   * Called once a record is durable in the database. The legacy file is deleted then, so that it
   * cannot mislead a reader; failing to delete it is only logged, since {@link #load} prefers the
   * database's record anyway, and a commit must not fail over it.
   */
  void stored() {
    if (legacyGone) {
      return;
    }
    try {
      Files.deleteIfExists(legacyFile);
      legacyGone = true;
    } catch (IOException e) {
      if (!deleteFailureLogged) {
        LOG.warn("cannot delete {}, which an earlier version used for the consensus recovery record; the record "
            + "in the database is the one read: {}", legacyFile, e.toString());
        deleteFailureLogged = true;
      }
    }
  }

  private static RecoveryData decode(byte[] bytes, String what) throws StorageException {
    try {
      return RecoveryCodec.decode(bytes);
    } catch (BcsException e) {
      throw new StorageException(StorageException.Kind.CORRUPT, what + " does not decode: " + e.getMessage(), e);
    }
  }
}
