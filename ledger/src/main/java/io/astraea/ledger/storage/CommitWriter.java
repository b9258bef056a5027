package io.astraea.ledger.storage;

import io.astraea.crypto.HashValue;
import io.astraea.crypto.quorum.LedgerInfoWithSignatures;
import io.astraea.ledger.accumulator.AccumulatorAppend;
import io.astraea.ledger.accumulator.AccumulatorException;
import io.astraea.ledger.accumulator.InMemoryAccumulator;
import io.astraea.ledger.accumulator.MerkleAccumulator;
import io.astraea.ledger.jmt.TreeUpdateBatch;
import io.astraea.ledger.types.ContractEvent;
import io.astraea.ledger.types.Transaction;
import io.astraea.ledger.types.TransactionInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks a {@link BlockCommit} against itself and the stored ledger, then writes it as one
 * synchronous batch. Checked: versions continue the ledger; every info binds its transaction's
 * hash, its events' root and the state root the tree update produced at its version; a ledger
 * info certifies exactly the last version and the new accumulator root, in an epoch not older
 * than the latest stored one.
 */
final class CommitWriter {
  static final byte[] PROGRESS_KEY = "ledger_progress".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

  private final LedgerDb db;
  private final MerkleAccumulator accumulator;
  private final RocksTreeStore treeStore;

  CommitWriter(LedgerDb db, MerkleAccumulator accumulator, RocksTreeStore treeStore) {
    this.db = db;
    this.accumulator = accumulator;
    this.treeStore = treeStore;
  }

  /**
   * Writes the commit on top of {@code latestVersion}, with the consensus recovery record if one is
   * given (in the same batch: one fsync, and the record never describes a commit that is not
   * durable); returns the new accumulator root.
   */
  HashValue commit(long latestVersion, Optional<LedgerInfoWithSignatures> latestLi, BlockCommit c,
      Optional<byte[]> recoveryRecord) throws StorageException {
    List<TransactionToCommit> txns = c.transactions();
    if (txns.isEmpty()) {
      throw invalid("a commit needs at least one transaction");
    }
    if (c.firstVersion() != latestVersion + 1) {
      throw invalid("commit starts at version " + c.firstVersion() + " but the ledger is at " + latestVersion);
    }
    TreeUpdateBatch state = c.stateUpdate();
    if (state.firstVersion() != c.firstVersion() || state.rootHashes().size() != txns.size()) {
      throw invalid("state update covers versions " + state.firstVersion() + ".." + state.lastVersion()
          + ", transactions " + c.firstVersion() + ".." + c.lastVersion());
    }
    List<byte[]> txnBytes = new ArrayList<>(txns.size());
    List<HashValue> infoHashes = new ArrayList<>(txns.size());
    for (int i = 0; i < txns.size(); i++) {
      TransactionToCommit t = txns.get(i);
      byte[] bcs = t.transaction().toBcs();
      txnBytes.add(bcs);
      TransactionInfo info = t.info();
      long version = c.firstVersion() + i;
      // The transaction's own hash: a user transaction computes it once, from the very bytes
      // stored here (its memoized encoding), so hashing them again would prove nothing more.
      if (!t.transaction().hash().equals(info.transactionHash())) {
        throw invalid("info at version " + version + " does not bind its transaction's hash");
      }
      if (!state.rootHashes().get(i).equals(info.stateRootHash())) {
        throw invalid("info at version " + version + " has a state root the tree update does not produce");
      }
      List<HashValue> eventHashes = new ArrayList<>(t.events().size());
      for (ContractEvent e : t.events()) {
        eventHashes.add(e.hash());
      }
      if (!InMemoryAccumulator.eventRootHash(eventHashes).equals(info.eventRootHash())) {
        throw invalid("info at version " + version + " does not bind its events");
      }
      infoHashes.add(info.hash());
    }
    AccumulatorAppend append;
    try {
      append = accumulator.append(c.firstVersion(), infoHashes);
    } catch (AccumulatorException e) {
      throw new StorageException(StorageException.Kind.CORRUPT, "stored accumulator is damaged: " + e.getMessage(), e);
    }
    if (c.ledgerInfo().isPresent()) {
      checkLedgerInfo(c.ledgerInfo().get(), c.lastVersion(), append.rootHash(), latestLi);
    }
    db.write(true, b -> {
      for (int i = 0; i < txns.size(); i++) {
        writeTransaction(b, c.firstVersion() + i, txns.get(i), txnBytes.get(i));
      }
      for (Map.Entry<Long, HashValue> e : append.newNodes().entrySet()) {
        b.put(ColumnFamily.ACCUMULATOR_NODES, Keys.u64(e.getKey()), e.getValue().toBytes());
      }
      RocksTreeStore.addTo(b, state);
      b.put(ColumnFamily.WRITE_SETS, Keys.u64(c.lastVersion()), WriteSetRecord.encode(latestVersion, state.valueSets()));
      if (c.ledgerInfo().isPresent()) {
        LedgerInfoWithSignatures li = c.ledgerInfo().get();
        b.put(ColumnFamily.LEDGER_INFOS, Keys.u64(li.ledgerInfo().epoch()), li.toBcs());
      }
      b.put(ColumnFamily.DEFAULT, PROGRESS_KEY, Keys.u64(c.lastVersion()));
      if (recoveryRecord.isPresent()) {
        ConsensusDb.putRecoveryRecord(b, recoveryRecord.get());
      }
    });
    treeStore.committed(state);
    return append.rootHash();
  }

  /**
   * Stores a ledger info certifying the already committed {@code latestVersion}, with the recovery
   * record if one is given.
   */
  void commitLedgerInfo(long latestVersion, HashValue accumulatorRoot, Optional<LedgerInfoWithSignatures> latestLi,
      LedgerInfoWithSignatures li, Optional<byte[]> recoveryRecord) throws StorageException {
    checkLedgerInfo(li, latestVersion, accumulatorRoot, latestLi);
    db.write(true, b -> {
      b.put(ColumnFamily.LEDGER_INFOS, Keys.u64(li.ledgerInfo().epoch()), li.toBcs());
      if (recoveryRecord.isPresent()) {
        ConsensusDb.putRecoveryRecord(b, recoveryRecord.get());
      }
    });
  }

  private static void writeTransaction(LedgerDb.Batch b, long version, TransactionToCommit t, byte[] bcs) {
    byte[] v = Keys.u64(version);
    b.put(ColumnFamily.TRANSACTIONS, v, bcs);
    b.put(ColumnFamily.TRANSACTION_INFOS, v, t.info().toBcs());
    b.put(ColumnFamily.TRANSACTION_BY_HASH, t.info().transactionHash().toBytes(), v);
    if (t.transaction() instanceof Transaction.UserTransaction u) {
      byte[] key = Keys.concat(u.transaction().sender().toBytes(), u.transaction().sequenceNumber());
      b.put(ColumnFamily.ACCOUNT_TRANSACTIONS, key, v);
    }
    for (int i = 0; i < t.events().size(); i++) {
      ContractEvent e = t.events().get(i);
      b.put(ColumnFamily.EVENTS, Keys.versionAndIndex(version, i), e.toBcs());
      b.put(ColumnFamily.EVENT_INDEX, Keys.concat(e.key().toBytes(), e.sequenceNumber()),
          Keys.versionAndIndex(version, i));
    }
  }

  private static void checkLedgerInfo(LedgerInfoWithSignatures li, long version, HashValue accumulatorRoot,
      Optional<LedgerInfoWithSignatures> latestLi) throws StorageException {
    if (li.ledgerInfo().version() != version) {
      throw invalid("ledger info certifies version " + li.ledgerInfo().version() + ", commit ends at " + version);
    }
    if (!li.ledgerInfo().commitInfo().executedStateId().equals(accumulatorRoot)) {
      throw invalid("ledger info certifies accumulator root " + li.ledgerInfo().commitInfo().executedStateId()
          + ", the ledger's is " + accumulatorRoot);
    }
    if (latestLi.isPresent() && li.ledgerInfo().epoch() < latestLi.get().ledgerInfo().epoch()) {
      throw invalid("ledger info of epoch " + li.ledgerInfo().epoch() + " is older than the stored one");
    }
  }

  private static StorageException invalid(String message) {
    return new StorageException(StorageException.Kind.INVALID_ARGUMENT, message);
  }
}
