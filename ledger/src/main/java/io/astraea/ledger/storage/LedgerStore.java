package io.astraea.ledger.storage;

import io.astraea.crypto.AccountAddress;
import io.astraea.crypto.HashValue;
import io.astraea.crypto.quorum.LedgerInfoWithSignatures;
import io.astraea.ledger.accumulator.AccumulatorConsistencyProof;
import io.astraea.ledger.accumulator.AccumulatorException;
import io.astraea.ledger.accumulator.AccumulatorProof;
import io.astraea.ledger.accumulator.EventAccumulatorProofs;
import io.astraea.ledger.accumulator.MerkleAccumulator;
import io.astraea.ledger.jmt.JellyfishMerkleTree;
import io.astraea.ledger.jmt.JmtException;
import io.astraea.ledger.jmt.LeafNode;
import io.astraea.ledger.jmt.NodeKey;
import io.astraea.ledger.jmt.NodeRetention;
import io.astraea.ledger.jmt.OverlayTreeReader;
import io.astraea.ledger.jmt.StaleNodePruner;
import io.astraea.ledger.jmt.StateValueWithProof;
import io.astraea.ledger.jmt.TreeReader;
import io.astraea.ledger.jmt.TreeUpdateBatch;
import io.astraea.ledger.types.ContractEvent;
import io.astraea.ledger.types.EventKey;
import io.astraea.ledger.types.TransactionInfo;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.SortedMap;

/**
 * The node's ledger database. One writer commits blocks ({@link #commit}); any number of threads
 * read committed versions. Reads never see a version past {@link #latestVersion()}, which only
 * moves after a commit's batch is durable.
 *
 * <p>Typical use by execution: build the state update with {@code new
 * JellyfishMerkleTree(store.stateTree()).putValueSets(writeSets, firstVersion,
 * NodeRetention.LAST_VERSION)} (chain uncommitted blocks with {@link
 * io.astraea.ledger.jmt.OverlayTreeReader}), then {@link #commit} the block. The store keeps the
 * tree nodes of the last version of each commit and every version's write set; reads at a version
 * inside a commit rebuild that version's tree from them ({@link #treeAt}).
 */
public final class LedgerStore implements AutoCloseable {
  private final LedgerDb db;
  private final RocksTreeStore treeStore;
  private final MerkleAccumulator accumulator;
  private final CommitWriter writer;
  private final ConsensusDb consensus;
  private final Object commitLock = new Object();
  private volatile long latestVersion;
  /** The oldest version whose state a pruning has not (begun to) delete. */
  private volatile long stateReadableFrom;

  private LedgerStore(LedgerDb db) throws StorageException {
    this.db = db;
    this.treeStore = new RocksTreeStore(db);
    this.accumulator = new MerkleAccumulator(new RocksAccumulatorReader(db));
    this.writer = new CommitWriter(db, accumulator, treeStore);
    this.consensus = new ConsensusDb(db);
    byte[] progress = db.get(ColumnFamily.DEFAULT, CommitWriter.PROGRESS_KEY);
    this.latestVersion = progress == null ? -1 : Keys.readU64(progress);
  }

  /** Opens (creating if needed) the ledger database in {@code dir}. */
  public static LedgerStore open(Path dir) throws StorageException {
    LedgerDb db = LedgerDb.open(dir);
    try {
      LedgerStore store = new LedgerStore(db);
      store.checkLatestCommit();
      return store;
    } catch (StorageException | RuntimeException e) {
      db.close();
      throw e;
    }
  }

  /** Cross-checks the last commit's info against the state tree and the latest ledger info. */
  private void checkLatestCommit() throws StorageException {
    long v = latestVersion;
    if (v < 0) {
      return;
    }
    if (!stateRoot(v).equals(transactionInfo(v).stateRootHash())) {
      throw new StorageException(StorageException.Kind.CORRUPT, "state tree root at " + v + " does not match its info");
    }
    Optional<LedgerInfoWithSignatures> li = latestLedgerInfo();
    if (li.isPresent() && li.get().ledgerInfo().version() > v) {
      throw new StorageException(StorageException.Kind.CORRUPT, "ledger info is ahead of the committed transactions");
    }
  }

  /** The last committed version, or -1 for an empty ledger. */
  public long latestVersion() {
    return latestVersion;
  }

  /** Commits a block's whole effect in one synchronous batch; returns the new accumulator root. */
  public HashValue commit(BlockCommit commit) throws StorageException {
    return commit(commit, Optional.empty());
  }

  /**
   * Commits a block's whole effect and, if given, consensus' recovery record ({@link
   * ConsensusDb#recoveryRecord}) in one synchronous batch; returns the new accumulator root. A
   * commit that fails its checks writes neither.
   */
  public HashValue commit(BlockCommit commit, Optional<byte[]> recoveryRecord) throws StorageException {
    synchronized (commitLock) {
      HashValue root = writer.commit(latestVersion, latestLedgerInfo(), commit, recoveryRecord);
      latestVersion = commit.lastVersion();
      return root;
    }
  }

  /** Stores a ledger info certifying the current latest version (no new transactions). */
  public void commitLedgerInfo(LedgerInfoWithSignatures li) throws StorageException {
    commitLedgerInfo(li, Optional.empty());
  }

  /** Stores a ledger info certifying the current latest version and, if given, the recovery record, in one batch. */
  public void commitLedgerInfo(LedgerInfoWithSignatures li, Optional<byte[]> recoveryRecord) throws StorageException {
    synchronized (commitLock) {
      writer.commitLedgerInfo(latestVersion, accumulatorRoot(latestVersion), latestLedgerInfo(), li, recoveryRecord);
    }
  }

  public LedgerSummary summary() throws StorageException {
    long v = latestVersion;
    return new LedgerSummary(v, accumulatorRoot(v), stateRoot(v), latestLedgerInfo());
  }

  // ---- state

  /** The Jellyfish node store, for building state updates and state views. */
  public RocksTreeStore stateTree() {
    return treeStore;
  }

  /** The state root after {@code version} (the empty-tree placeholder for -1). */
  public HashValue stateRoot(long version) throws StorageException {
    if (version < 0) {
      return io.astraea.ledger.jmt.JmtHashing.PLACEHOLDER;
    }
    checkCommitted(version);
    try {
      return new JellyfishMerkleTree(treeAt(version)).rootHash(version);
    } catch (JmtException e) {
      throw fromJmt(e);
    }
  }

  /** The value under a state key after {@code version} (no proof is built: see {@link #stateValueWithProof}). */
  public Optional<byte[]> stateValue(HashValue key, long version) throws StorageException {
    Optional<LeafNode> known = knownLeaf(key, version);
    if (known.isPresent()) {
      return Optional.of(known.get().value());
    }
    try {
      return new JellyfishMerkleTree(treeAt(version)).get(key, version);
    } catch (JmtException e) {
      throw fromJmt(e);
    }
  }

  /**
   * The leaf holding a state key after {@code version} when the store knows it without reading the
   * tree: the key's last write is recorded at or before {@code version} (see {@link LatestValues}).
   * Empty when it cannot tell; {@link #stateValue} then reads the tree.
   */
  public Optional<LeafNode> knownLeaf(HashValue key, long version) throws StorageException {
    checkCommitted(version);
    return version >= stateReadableFrom ? Optional.ofNullable(treeStore.latestLeafAt(key, version)) : Optional.empty();
  }

  public StateValueWithProof stateValueWithProof(HashValue key, long version) throws StorageException {
    checkCommitted(version);
    try {
      return new JellyfishMerkleTree(treeAt(version)).getWithProof(key, version);
    } catch (JmtException e) {
      throw fromJmt(e);
    }
  }

  /**
   * A reader holding the tree at committed {@code version}, to compute state updates on top of it:
   * the store itself at a checkpoint (the last version of a commit, which the latest version always
   * is), else that version's tree rebuilt in memory (see {@link #treeAt}).
   */
  public TreeReader stateTreeAt(long version) throws StorageException {
    checkCommitted(version);
    try {
      return treeAt(version);
    } catch (JmtException e) {
      throw fromJmt(e);
    }
  }

  /** The last tree rebuilt for a version inside a commit: clients tend to ask about one version repeatedly. */
  private record RebuiltTree(long version, TreeReader reader) {}

  private volatile RebuiltTree lastRebuilt;

  /**
   * A reader holding the tree at committed {@code version}. The store holds the nodes of the last
   * version of every commit (a checkpoint); for a version inside a commit, the tree is rebuilt in
   * memory from the checkpoint before it and the stored write sets up to it, and its root is
   * checked against the version's transaction info.
   */
  private TreeReader treeAt(long version) throws StorageException, JmtException {
    if (treeStore.getNode(NodeKey.root(version)).isPresent()) {
      return treeStore;
    }
    RebuiltTree cached = lastRebuilt;
    if (cached != null && cached.version() == version) {
      return cached.reader();
    }
    List<WriteSetRecord> found = new ArrayList<>(1);
    db.scan(ColumnFamily.WRITE_SETS, Keys.u64(version), (k, v) -> {
      found.add(WriteSetRecord.decode(v));
      return false;
    });
    if (found.isEmpty() || found.get(0).checkpoint() >= version) {
      throw new StorageException(StorageException.Kind.NOT_FOUND, "the state at version " + version
          + " is no longer stored (pruned)");
    }
    WriteSetRecord record = found.get(0);
    long checkpoint = record.checkpoint();
    if (record.lastVersion() < version) {
      throw new StorageException(StorageException.Kind.CORRUPT, "write sets after " + checkpoint + " end at "
          + record.lastVersion() + ", before version " + version);
    }
    List<SortedMap<HashValue, byte[]>> sets = record.resolved((int) (version - checkpoint),
        key -> checkpointValue(key, record.lastVersion()));
    TreeUpdateBatch batch = new JellyfishMerkleTree(treeStore).putValueSets(sets, checkpoint + 1, NodeRetention.LAST_VERSION);
    if (!batch.lastRootHash().equals(transactionInfo(version).stateRootHash())) {
      throw new StorageException(StorageException.Kind.CORRUPT, "the state rebuilt at version " + version
          + " does not match its transaction info");
    }
    TreeReader reader = new OverlayTreeReader(treeStore, batch);
    lastRebuilt = new RebuiltTree(version, reader);
    return reader;
  }

  /** A key's value in the stored checkpoint tree at {@code checkpoint}, which must hold it. */
  private byte[] checkpointValue(HashValue key, long checkpoint) throws StorageException {
    try {
      return new JellyfishMerkleTree(treeStore).get(key, checkpoint).orElseThrow(() -> new StorageException(
          StorageException.Kind.CORRUPT, "the write sets of the commit ending at " + checkpoint + " refer to key "
              + key + ", which the tree at " + checkpoint + " does not hold"));
    } catch (JmtException e) {
      throw fromJmt(e);
    }
  }

  /** An account's state at {@code version}, proved up to the accumulator at {@code ledgerVersion}. */
  public AccountStateWithProof accountStateWithProof(HashValue accountKey, long version, long ledgerVersion)
      throws StorageException {
    checkCommitted(ledgerVersion);
    if (version > ledgerVersion) {
      throw invalid("version " + version + " is after ledger version " + ledgerVersion);
    }
    StateValueWithProof v = stateValueWithProof(accountKey, version);
    return new AccountStateWithProof(version, ledgerVersion, v.value(), v.proof(), transactionInfo(version),
        accumulatorProof(version, ledgerVersion));
  }

  /** Deletes Jellyfish nodes that no version within {@code window} of the latest still uses. */
  public long pruneStateTree(long window) throws StorageException {
    long latest = latestVersion;
    // Before any node goes: from here on, versions before latest - window are unreadable, and the
    // shortcut of stateValue must not answer for them either.
    stateReadableFrom = Math.max(stateReadableFrom, latest - window);
    try {
      return new StaleNodePruner(treeStore, window).prune(latest);
    } catch (JmtException e) {
      throw fromJmt(e);
    }
  }

  // ---- transactions

  public TransactionInfo transactionInfo(long version) throws StorageException {
    checkCommitted(version);
    byte[] b = db.get(ColumnFamily.TRANSACTION_INFOS, Keys.u64(version));
    if (b == null) {
      throw new StorageException(StorageException.Kind.CORRUPT, "committed version " + version + " has no info");
    }
    return Decoding.info(b, version);
  }

  public TransactionWithInfo transaction(long version, boolean withEvents) throws StorageException {
    checkCommitted(version);
    byte[] t = db.get(ColumnFamily.TRANSACTIONS, Keys.u64(version));
    if (t == null) {
      throw new StorageException(StorageException.Kind.CORRUPT, "committed version " + version + " has no transaction");
    }
    return new TransactionWithInfo(version, Decoding.transaction(t, version), transactionInfo(version),
        withEvents ? events(version) : List.of());
  }

  /** Up to {@code limit} transactions from {@code start}, with a range proof at {@code ledgerVersion}. */
  public TransactionListWithProof transactions(long start, int limit, long ledgerVersion, boolean withEvents)
      throws StorageException {
    checkCommitted(ledgerVersion);
    if (start < 0 || limit < 0) {
      throw invalid("bad range start " + start + " limit " + limit);
    }
    List<TransactionWithInfo> out = new ArrayList<>();
    for (long v = start; v <= ledgerVersion && out.size() < limit; v++) {
      out.add(transaction(v, withEvents));
    }
    if (out.isEmpty()) {
      return new TransactionListWithProof(out, Optional.empty());
    }
    try {
      return new TransactionListWithProof(out,
          Optional.of(accumulator.getRangeProof(ledgerVersion + 1, start, out.size())));
    } catch (AccumulatorException e) {
      throw fromAccumulator(e);
    }
  }

  /** The committed transaction {@code sender} sent with {@code sequenceNumber}, if any. */
  public Optional<TransactionWithProof> transactionByAccountSequence(
      AccountAddress sender, long sequenceNumber, long ledgerVersion, boolean withEvents) throws StorageException {
    checkCommitted(ledgerVersion);
    byte[] v = db.get(ColumnFamily.ACCOUNT_TRANSACTIONS, Keys.concat(sender.toBytes(), sequenceNumber));
    if (v == null || Keys.readU64(v) > ledgerVersion) {
      return Optional.empty();
    }
    long version = Keys.readU64(v);
    return Optional.of(new TransactionWithProof(transaction(version, withEvents), accumulatorProof(version, ledgerVersion)));
  }

  /** The committed transaction with this {@code DIEM::Transaction} hash, if any. */
  public Optional<TransactionWithInfo> transactionByHash(HashValue hash, boolean withEvents) throws StorageException {
    byte[] v = db.get(ColumnFamily.TRANSACTION_BY_HASH, hash.toBytes());
    if (v == null || Keys.readU64(v) > latestVersion) {
      return Optional.empty();
    }
    return Optional.of(transaction(Keys.readU64(v), withEvents));
  }

  // ---- events

  /** The events a transaction emitted, in order. */
  public List<ContractEvent> events(long version) throws StorageException {
    checkCommitted(version);
    byte[] prefix = Keys.u64(version);
    List<ContractEvent> out = new ArrayList<>();
    db.scan(ColumnFamily.EVENTS, prefix, (k, val) -> {
      if (!Keys.hasPrefix(k, prefix)) {
        return false;
      }
      out.add(Decoding.event(val, version));
      return true;
    });
    return out;
  }

  /**
   * Up to {@code limit} events of {@code key} from sequence number {@code start} emitted by
   * {@code ledgerVersion}, each with its proofs at that version.
   */
  public List<EventWithProof> eventsWithProofs(EventKey key, long start, int limit, long ledgerVersion)
      throws StorageException {
    checkCommitted(ledgerVersion);
    List<EventWithProof> out = new ArrayList<>();
    for (EventWithVersion e : eventsByKey(key, start, limit)) {
      long version = e.transactionVersion();
      if (version > ledgerVersion) {
        break;
      }
      List<HashValue> hashes = events(version).stream().map(ContractEvent::hash).toList();
      out.add(new EventWithProof(version, e.eventIndex(), e.event(), accumulatorProof(version, ledgerVersion),
          transactionInfo(version), EventAccumulatorProofs.inclusion(hashes, e.eventIndex())));
    }
    return out;
  }

  /**
   * The sequence number of the last event of {@code key} emitted at or before {@code version}, if
   * any: an exponential then binary search over the stream's index, O(log n) lookups.
   */
  public OptionalLong eventSequenceAtOrBefore(EventKey key, long version) throws StorageException {
    if (!eventAtOrBefore(key, 0, version)) {
      return OptionalLong.empty();
    }
    long good = 0;
    long bad = 1;
    while (eventAtOrBefore(key, bad, version)) {
      good = bad;
      bad = bad > Long.MAX_VALUE / 2 ? Long.MAX_VALUE : bad * 2;
    }
    while (bad - good > 1) {
      long mid = good + (bad - good) / 2;
      if (eventAtOrBefore(key, mid, version)) {
        good = mid;
      } else {
        bad = mid;
      }
    }
    return OptionalLong.of(good);
  }

  private boolean eventAtOrBefore(EventKey key, long sequence, long version) throws StorageException {
    List<EventWithVersion> e = eventsByKey(key, sequence, 1);
    return !e.isEmpty() && e.get(0).event().sequenceNumber() == sequence && e.get(0).transactionVersion() <= version;
  }

  /** Up to {@code limit} events of {@code key} from sequence number {@code start}, in order. */
  public List<EventWithVersion> eventsByKey(EventKey key, long start, int limit) throws StorageException {
    if (start < 0 || limit < 0) {
      throw invalid("bad event range start " + start + " limit " + limit);
    }
    byte[] prefix = key.toBytes();
    List<long[]> locations = new ArrayList<>();
    long latest = latestVersion;
    db.scan(ColumnFamily.EVENT_INDEX, Keys.concat(prefix, start), (k, val) -> {
      if (!Keys.hasPrefix(k, prefix) || locations.size() >= limit) {
        return false;
      }
      long version = Keys.readU64(val, 0);
      if (version > latest) {
        return false;
      }
      locations.add(new long[] {version, java.nio.ByteBuffer.wrap(val, 8, 4).getInt()});
      return true;
    });
    List<EventWithVersion> out = new ArrayList<>(locations.size());
    for (long[] loc : locations) {
      byte[] b = db.get(ColumnFamily.EVENTS, Keys.versionAndIndex(loc[0], (int) loc[1]));
      if (b == null) {
        throw new StorageException(StorageException.Kind.CORRUPT, "event index points at a missing event");
      }
      out.add(new EventWithVersion(loc[0], (int) loc[1], Decoding.event(b, loc[0])));
    }
    return out;
  }

  // ---- ledger infos

  public Optional<LedgerInfoWithSignatures> latestLedgerInfo() throws StorageException {
    byte[][] last = db.last(ColumnFamily.LEDGER_INFOS);
    return last == null ? Optional.empty() : Optional.of(Decoding.ledgerInfo(last[1]));
  }

  /** The latest ledger info of {@code epoch}: for a finished epoch, the one that ended it. */
  public Optional<LedgerInfoWithSignatures> ledgerInfo(long epoch) throws StorageException {
    byte[] b = db.get(ColumnFamily.LEDGER_INFOS, Keys.u64(epoch));
    return b == null ? Optional.empty() : Optional.of(Decoding.ledgerInfo(b));
  }

  /** The epoch-ending ledger infos of epochs {@code [startEpoch, endEpoch)}, for epoch change proofs. */
  public List<LedgerInfoWithSignatures> epochEndingLedgerInfos(long startEpoch, long endEpoch) throws StorageException {
    List<LedgerInfoWithSignatures> out = new ArrayList<>();
    db.scan(ColumnFamily.LEDGER_INFOS, Keys.u64(startEpoch), (k, v) -> {
      if (Keys.readU64(k, 0) >= endEpoch) {
        return false;
      }
      LedgerInfoWithSignatures li = Decoding.ledgerInfo(v);
      if (!li.ledgerInfo().endsEpoch()) {
        return false;
      }
      out.add(li);
      return true;
    });
    return out;
  }

  // ---- accumulator

  /** The accumulator root after {@code version} (the placeholder for -1). */
  public HashValue accumulatorRoot(long version) throws StorageException {
    if (version >= 0) {
      checkCommitted(version);
    }
    try {
      return accumulator.rootHash(version + 1);
    } catch (AccumulatorException e) {
      throw fromAccumulator(e);
    }
  }

  /** Proof of the info at {@code version} against the accumulator at {@code ledgerVersion}. */
  public AccumulatorProof accumulatorProof(long version, long ledgerVersion) throws StorageException {
    checkCommitted(ledgerVersion);
    try {
      return accumulator.getProof(ledgerVersion + 1, version);
    } catch (AccumulatorException e) {
      throw fromAccumulator(e);
    }
  }

  /** Proof that the accumulator at {@code ledgerVersion} extends the one at {@code clientVersion}. */
  public AccumulatorConsistencyProof consistencyProof(long clientVersion, long ledgerVersion) throws StorageException {
    checkCommitted(ledgerVersion);
    try {
      return accumulator.getConsistencyProof(clientVersion + 1, ledgerVersion + 1);
    } catch (AccumulatorException e) {
      throw fromAccumulator(e);
    }
  }

  /** The frozen subtree roots of the accumulator at {@code version}: a client's summary of it. */
  public List<HashValue> frozenSubtreeRoots(long version) throws StorageException {
    if (version >= 0) {
      checkCommitted(version);
    }
    try {
      return accumulator.frozenSubtreeRoots(version + 1);
    } catch (AccumulatorException e) {
      throw fromAccumulator(e);
    }
  }

  // ---- consensus

  public ConsensusDb consensus() {
    return consensus;
  }

  @Override
  public void close() {
    db.close();
  }

  /** The raw database, for integrity checks in tests of this package. */
  LedgerDb rawDb() {
    return db;
  }

  private void checkCommitted(long version) throws StorageException {
    if (version < 0 || version > latestVersion) {
      throw new StorageException(StorageException.Kind.NOT_FOUND,
          "version " + version + " is not committed (latest " + latestVersion + ")");
    }
  }

  private static StorageException invalid(String message) {
    return new StorageException(StorageException.Kind.INVALID_ARGUMENT, message);
  }

  private static StorageException fromJmt(JmtException e) {
    StorageException.Kind kind = switch (e.kind()) {
      case MISSING_NODE -> StorageException.Kind.NOT_FOUND;
      case CORRUPT_NODE -> StorageException.Kind.CORRUPT;
      case INVALID_REQUEST -> StorageException.Kind.INVALID_ARGUMENT;
      case STORE_FAILURE -> StorageException.Kind.IO;
    };
    return new StorageException(kind, e.getMessage(), e);
  }

  private static StorageException fromAccumulator(AccumulatorException e) {
    StorageException.Kind kind = switch (e.kind()) {
      case MISSING_NODE -> StorageException.Kind.CORRUPT;
      case INVALID_REQUEST -> StorageException.Kind.INVALID_ARGUMENT;
      case STORE_FAILURE -> StorageException.Kind.IO;
    };
    return new StorageException(kind, e.getMessage(), e);
  }
}
