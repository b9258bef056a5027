package io.astraea.node.ledger;

import io.astraea.config.GenesisDescription;
import io.astraea.consensus.RecoveryData;
import io.astraea.crypto.HashValue;
import io.astraea.crypto.bcs.BcsException;
import io.astraea.crypto.quorum.BlockInfo;
import io.astraea.crypto.quorum.EpochState;
import io.astraea.crypto.quorum.LedgerInfo;
import io.astraea.crypto.quorum.LedgerInfoWithSignatures;
import io.astraea.ledger.accumulator.InMemoryAccumulator;
import io.astraea.ledger.genesis.Genesis;
import io.astraea.ledger.genesis.GenesisBuilder;
import io.astraea.ledger.genesis.GenesisException;
import io.astraea.ledger.jmt.JmtException;
import io.astraea.ledger.state.StateKeys;
import io.astraea.ledger.state.SystemState;
import io.astraea.ledger.storage.BlockCommit;
import io.astraea.ledger.storage.LedgerStore;
import io.astraea.ledger.storage.StorageException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's ledger: the RocksDB {@link LedgerStore} in the data directory, bootstrapped with the
 * configured genesis on first start and checked against it on every later start, plus the
 * consensus {@link RecoveryData} the node resumes from.
 *
 * <p>Genesis is committed as version 0 together with a ledger info of epoch 0 (round 0, block id
 * zero, no signatures) whose {@code next_epoch_state} is the first validator set (epoch 1), as in
 * Diem: {@link RecoveryData#epochStart} turns it into epoch 1's genesis block.
 *
 * <p>Threads: reads are safe from any thread; commits come from one thread (the consensus
 * thread, through {@link SpeculativeExecutor#commit} and state sync).
 */
public final class LedgerService implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(LedgerService.class);
  static final String DB_DIR = "ledger-db";

  private final LedgerStore store;
  private final Genesis genesis;
  private final RecoveryStore recovery;

  private LedgerService(LedgerStore store, Genesis genesis, RecoveryStore recovery) {
    this.store = store;
    this.genesis = genesis;
    this.recovery = recovery;
  }

  /**
   * Opens the ledger in {@code dataDir} (created if missing), committing genesis if the database
   * is empty.
   *
   * @throws GenesisMismatchException if the database holds another network's genesis
   * @throws GenesisException if the description cannot produce a genesis
   * @throws StorageException if the database cannot be opened or is damaged
   */
  public static LedgerService open(Path dataDir, GenesisDescription description)
      throws StorageException, GenesisException, GenesisMismatchException {
    Genesis genesis = GenesisBuilder.build(description);
    try {
      Files.createDirectories(dataDir);
    } catch (IOException e) {
      throw new StorageException(StorageException.Kind.IO, "cannot create " + dataDir + ": " + e.getMessage(), e);
    }
    LedgerStore store = LedgerStore.open(dataDir.resolve(DB_DIR));
    try {
      if (store.latestVersion() < 0) {
        bootstrap(store, genesis);
      } else {
        HashValue stored = store.transactionInfo(0).transactionHash();
        if (!stored.equals(genesis.hash())) {
          throw new GenesisMismatchException(genesis.hash(), stored);
        }
      }
      return new LedgerService(store, genesis, new RecoveryStore(store.consensus(), dataDir));
    } catch (StorageException | GenesisMismatchException | RuntimeException e) {
      store.close();
      throw e;
    }
  }

  private static void bootstrap(LedgerStore store, Genesis genesis) throws StorageException {
    ExecutedChunk chunk;
    try {
      chunk = ExecutedChunk.build(store.stateTree(), -1, InMemoryAccumulator.transactions(),
          List.of(genesis.transaction()), List.of(genesis.output()));
    } catch (JmtException e) {
      throw new StorageException(StorageException.Kind.CORRUPT, "cannot build the genesis state: " + e.getMessage(), e);
    }
    long timestamp = readSystem(genesis.toState().getAccountBlob(StateKeys.SYSTEM)).timestampUsecs();
    LedgerInfoWithSignatures li = genesisLedgerInfo(chunk.rootHash(), timestamp, genesis.epochState());
    store.commit(new BlockCommit(0, chunk.transactions(), chunk.stateUpdate().orElseThrow(), Optional.of(li)));
    LOG.info("committed genesis {} (epoch {} with {} validators)", genesis.hash().toHex(),
        genesis.epochState().epoch(), genesis.epochState().verifier().size());
  }

  /** Diem's genesis ledger info: epoch 0, round 0, id zero, version 0, starting the first epoch. */
  static LedgerInfoWithSignatures genesisLedgerInfo(HashValue root, long timestampUsecs, EpochState first) {
    BlockInfo info = new BlockInfo(0, 0, HashValue.ZERO, root, 0, timestampUsecs, Optional.of(first));
    return LedgerInfoWithSignatures.of(new LedgerInfo(info, HashValue.ZERO), Map.of());
  }

  public LedgerStore store() {
    return store;
  }

  /** The hash of this network's genesis transaction (checked in the peer handshake). */
  public HashValue genesisHash() {
    return genesis.hash();
  }

  public long latestVersion() {
    return store.latestVersion();
  }

  /** The committed state at the latest version. */
  public CommittedStateView committedView() {
    return new CommittedStateView(store, store.latestVersion());
  }

  /** The system resources (chain id, clock, epoch, validator set) at the latest version. */
  public SystemState systemState() throws StorageException {
    return systemState(store.latestVersion());
  }

  SystemState systemState(long version) throws StorageException {
    try {
      return readSystem(new CommittedStateView(store, version).getAccountBlob(StateKeys.SYSTEM));
    } catch (LedgerReadException e) {
      throw e.getCause();
    } catch (IllegalStateException e) {
      throw new StorageException(StorageException.Kind.CORRUPT, e.getMessage(), e);
    }
  }

  private static SystemState readSystem(Optional<byte[]> blob) {
    try {
      return SystemState.fromBcs(blob.orElseThrow(() -> new IllegalStateException("no system state")));
    } catch (BcsException e) {
      throw new IllegalStateException("system state does not decode: " + e.getMessage(), e);
    }
  }

  /** The validator set of the epoch the ledger is in now (the next one after an epoch change). */
  public EpochState currentEpochState() throws StorageException {
    return systemState().epochState();
  }

  public LedgerInfoWithSignatures latestLedgerInfo() throws StorageException {
    return store.latestLedgerInfo()
        .orElseThrow(() -> new StorageException(StorageException.Kind.CORRUPT, "no ledger info stored"));
  }

  /**
   * Where consensus starts: the record saved with the last commit or sync, or, on a node that has
   * none (fresh from genesis), the start of the epoch the latest epoch-ending ledger info opens.
   */
  public RecoveryData recoveryData() throws StorageException {
    Optional<RecoveryData> saved = recovery.load();
    if (saved.isPresent()) {
      return saved.get();
    }
    LedgerInfoWithSignatures latest = latestLedgerInfo();
    LedgerInfoWithSignatures ending = latest;
    if (!latest.ledgerInfo().endsEpoch()) {
      long epoch = latest.ledgerInfo().epoch();
      ending = store.ledgerInfo(epoch - 1)
          .filter(li -> li.ledgerInfo().endsEpoch())
          .orElseThrow(() -> new StorageException(StorageException.Kind.CORRUPT,
              "no ledger info ends epoch " + (epoch - 1)));
    }
    EpochState next = ending.ledgerInfo().commitInfo().nextEpochState().orElseThrow();
    return RecoveryData.epochStart(ending.ledgerInfo(), next);
  }

  /** Persists the record consensus resumes from; call after the commit or sync it describes. */
  public void saveRecoveryData(RecoveryData data) throws StorageException {
    recovery.save(data);
  }

  /** To be called once a commit carrying a recovery record is durable. */
  void recordStored() {
    recovery.stored();
  }

  @Override
  public void close() {
    store.close();
  }
}
