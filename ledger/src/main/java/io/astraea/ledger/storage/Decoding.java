package io.astraea.ledger.storage;

import io.astraea.crypto.bcs.BcsException;
import io.astraea.crypto.bcs.BcsReader;
import io.astraea.crypto.quorum.LedgerInfoWithSignatures;
import io.astraea.ledger.types.ContractEvent;
import io.astraea.ledger.types.Transaction;
import io.astraea.ledger.types.TransactionInfo;

/** Decodes stored values; undecodable bytes are {@link StorageException.Kind#CORRUPT}. */
final class Decoding {
  private Decoding() {}

  static Transaction transaction(byte[] b, long version) throws StorageException {
    try {
      return Transaction.fromBcs(b);
    } catch (BcsException e) {
      throw corrupt("transaction " + version, e);
    }
  }

  static TransactionInfo info(byte[] b, long version) throws StorageException {
    try {
      return TransactionInfo.fromBcs(b);
    } catch (BcsException e) {
      throw corrupt("transaction info " + version, e);
    }
  }

  static ContractEvent event(byte[] b, long version) throws StorageException {
    try {
      return ContractEvent.fromBcs(b);
    } catch (BcsException e) {
      throw corrupt("event of version " + version, e);
    }
  }

  static LedgerInfoWithSignatures ledgerInfo(byte[] b) throws StorageException {
    try {
      return BcsReader.decode(b, LedgerInfoWithSignatures::decode);
    } catch (BcsException e) {
      throw corrupt("ledger info", e);
    }
  }

  private static StorageException corrupt(String what, BcsException e) {
    return new StorageException(StorageException.Kind.CORRUPT, "stored " + what + " does not decode: " + e.getMessage(), e);
  }
}
