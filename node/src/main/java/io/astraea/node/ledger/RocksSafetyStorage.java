package io.astraea.node.ledger;

import io.astraea.consensus.safety.SafetyData;
import io.astraea.consensus.safety.SafetyStorage;
import io.astraea.crypto.bcs.BcsException;
import io.astraea.crypto.bcs.BcsReader;
import io.astraea.ledger.storage.ConsensusDb;
import io.astraea.ledger.storage.StorageException;
import java.util.Optional;

/**
 * {@link SafetyStorage} on the node's database: {@link SafetyData} in BCS under the consensus
 * column family, written with {@code sync=true}, so it is on disk before {@link #store} returns
 * and therefore before any vote or timeout it allows leaves the process.
 *
 * <p>The interface cannot throw checked exceptions; a failed read or write throws {@link
 * SafetyStorageException}, which stops the consensus thread: a validator that cannot remember
 * its votes must not vote.
 */
public final class RocksSafetyStorage implements SafetyStorage {
  private final ConsensusDb db;

  public RocksSafetyStorage(ConsensusDb db) {
    this.db = db;
  }

  @Override
  public SafetyData load() {
    Optional<byte[]> bytes;
    try {
      bytes = db.safetyData();
    } catch (StorageException e) {
      throw new SafetyStorageException("cannot read safety data: " + e.getMessage(), e);
    }
    if (bytes.isEmpty()) {
      return null;
    }
    try {
      return BcsReader.decode(bytes.get(), SafetyData::decode);
    } catch (BcsException e) {
      throw new SafetyStorageException("stored safety data does not decode: " + e.getMessage(), e);
    }
  }

  @Override
  public void store(SafetyData data) {
    try {
      db.saveSafetyData(data.toBcs());
    } catch (StorageException e) {
      throw new SafetyStorageException("cannot persist safety data: " + e.getMessage(), e);
    }
  }

  /** The safety data could not be read or made durable. */
  public static final class SafetyStorageException extends RuntimeException {
    public SafetyStorageException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
