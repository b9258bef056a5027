package io.astraea.node.sync;

import io.astraea.crypto.AccountAddress;
import io.astraea.crypto.bcs.BcsException;
import io.astraea.crypto.quorum.LedgerInfoWithSignatures;
import io.astraea.ledger.execution.ExecutorConfig;
import io.astraea.ledger.storage.LedgerStore;
import io.astraea.ledger.storage.StorageException;
import io.astraea.ledger.storage.TransactionToCommit;
import io.astraea.ledger.types.Transaction;
import io.astraea.node.ledger.CommitListener;
import io.astraea.node.ledger.CommittedTransactions;
import io.astraea.node.ledger.LedgerService;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The catching-up side of state sync: fetches chunks from peers through a {@link SyncTransport},
 * verifies and commits each ({@link ChunkApplier}), until the ledger reaches the target. A peer
 * whose answer fails is skipped for the next one. When a full round over the peers makes no
 * progress and at least one of them was only unable to serve yet (the signers of a fresh ledger
 * info may still be writing the commit it certifies), {@link #syncTo} waits and tries further
 * rounds for up to {@code retryWindow} (default 30 s) before it fails; a round in which every
 * peer served data that does not verify fails at once. Crossing epochs works chunk by chunk: the server proves the chunk that
 * ends an epoch with that epoch's last ledger info, whose next validator set the ledger then holds
 * and checks the following chunks with.
 *
 * <p>Runs on the caller's thread (the consensus thread for {@code Action.SyncTo}); blocking.
 */
public final class SyncClient {
  private static final Logger LOG = LoggerFactory.getLogger(SyncClient.class);

  private final LedgerService ledger;
  private final LedgerStore store;
  private final SyncTransport transport;
  private final ChunkApplier applier;
  private final int chunkSize;
  private final Duration retryWindow;
  private final List<CommitListener> listeners = new CopyOnWriteArrayList<>();
  private int nextPeer;

  public static final Duration DEFAULT_RETRY_WINDOW = Duration.ofSeconds(30);
  private static final long FIRST_RETRY_MILLIS = 100;
  private static final long MAX_RETRY_MILLIS = 2_000;

  public SyncClient(LedgerService ledger, SyncTransport transport, ExecutorConfig config, int chunkSize,
      Duration retryWindow) {
    this.ledger = ledger;
    this.store = ledger.store();
    this.transport = transport;
    this.applier = new ChunkApplier(ledger, config);
    this.chunkSize = chunkSize;
    this.retryWindow = retryWindow;
  }

  public SyncClient(LedgerService ledger, SyncTransport transport, ExecutorConfig config, int chunkSize) {
    this(ledger, transport, config, chunkSize, DEFAULT_RETRY_WINDOW);
  }

  /** Told after each applied chunk (e.g. the mempool, to drop what committed). */
  public void addCommitListener(CommitListener l) {
    listeners.add(l);
  }

  /**
   * Brings the ledger to {@code target} (a ledger info this node already trusts, e.g. from a
   * verified quorum certificate) and stores it.
   */
  public void syncTo(LedgerInfoWithSignatures target, List<AccountAddress> peers) throws SyncException {
    long goal = target.ledgerInfo().version();
    long deadline = System.nanoTime() + retryWindow.toNanos();
    long pause = FIRST_RETRY_MILLIS;
    while (store.latestVersion() < goal) {
      try {
        fetchOne(peers, goal, Optional.of(target));
        pause = FIRST_RETRY_MILLIS;
      } catch (SyncException e) {
        boolean retry = e.kind() == SyncException.Kind.UNAVAILABLE && !Thread.currentThread().isInterrupted();
        if (!retry || System.nanoTime() - deadline > 0) {
          throw e;
        }
        LOG.info("no peer could serve version {} yet; trying again in {} ms", store.latestVersion() + 1, pause);
        sleep(pause);
        pause = Math.min(2 * pause, MAX_RETRY_MILLIS);
      }
    }
    try {
      Optional<LedgerInfoWithSignatures> stored = store.latestLedgerInfo();
      if (store.latestVersion() == goal
          && !stored.map(l -> l.ledgerInfo().equals(target.ledgerInfo())).orElse(false)
          && stored.map(l -> l.ledgerInfo().epoch() <= target.ledgerInfo().epoch()).orElse(true)) {
        store.commitLedgerInfo(target);
      }
    } catch (StorageException e) {
      throw new SyncException(SyncException.Kind.VERIFICATION, "target ledger info does not match the synced ledger: "
          + e.getMessage(), e);
    }
  }

  /** Catches up with the latest ledger info of the first peer that is ahead; returns the new version. */
  public long syncToLatest(List<AccountAddress> peers) throws SyncException {
    while (true) {
      long before = store.latestVersion();
      if (!fetchOne(peers, SyncRequest.LATEST, Optional.empty())) {
        return before;
      }
    }
  }

  /**
   * One chunk from the first peer (round robin) that gives a valid one; false if every peer says
   * it has nothing newer (only when syncing to the latest).
   */
  private boolean fetchOne(List<AccountAddress> peers, long target, Optional<LedgerInfoWithSignatures> trusted)
      throws SyncException {
    if (peers.isEmpty()) {
      throw new SyncException(SyncException.Kind.UNAVAILABLE, "no peers to sync from");
    }
    SyncException last = null;
    boolean someUnavailable = false;
    boolean upToDate = false;
    for (int attempt = 0; attempt < peers.size(); attempt++) {
      AccountAddress peer = peers.get(Math.floorMod(nextPeer++, peers.size()));
      long epoch;
      try {
        epoch = ledger.currentEpochState().epoch();
      } catch (StorageException e) {
        throw new SyncException(SyncException.Kind.LOCAL_STORAGE, e.getMessage(), e);
      }
      SyncRequest req = new SyncRequest(store.latestVersion() + 1, chunkSize, target, epoch);
      try {
        SyncResponse resp = SyncResponse.fromBcs(transport.call(peer, req.toBcs()));
        if (resp instanceof SyncResponse.Refused r) {
          throw new SyncException(SyncException.Kind.UNAVAILABLE, r.reason());
        }
        SyncResponse.Chunk chunk = (SyncResponse.Chunk) resp;
        if (chunk.transactions().isEmpty() && target == SyncRequest.LATEST) {
          upToDate = true;
          continue;
        }
        ChunkApplier.Applied applied = applier.apply(chunk, trusted);
        notifyCommitted(applied);
        LOG.info("synced versions {}..{} from {}", chunk.firstVersion(), applied.chunk().lastVersion(), peer);
        return true;
      } catch (SyncException e) {
        if (e.kind() == SyncException.Kind.LOCAL_STORAGE) {
          throw e;
        }
        last = e;
      } catch (BcsException e) {
        last = new SyncException(SyncException.Kind.MALFORMED, "response does not decode: " + e.getMessage(), e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new SyncException(SyncException.Kind.UNAVAILABLE, "interrupted", e);
      } catch (Exception e) {
        last = new SyncException(SyncException.Kind.UNAVAILABLE, "request failed: " + e.getMessage(), e);
      }
      someUnavailable |= last.kind() == SyncException.Kind.UNAVAILABLE;
      LOG.warn("state sync from {} failed: {}", peer, last.getMessage());
    }
    if (upToDate || last == null) {
      return false;
    }
    // A peer that could not serve may yet: the round counts as unavailable, not as bad data.
    SyncException.Kind kind = someUnavailable ? SyncException.Kind.UNAVAILABLE : last.kind();
    throw new SyncException(kind, "no peer served a valid chunk; last error: " + last.getMessage(), last);
  }

  private static void sleep(long millis) throws SyncException {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SyncException(SyncException.Kind.UNAVAILABLE, "interrupted", e);
    }
  }

  private void notifyCommitted(ChunkApplier.Applied applied) {
    TreeMap<AccountAddress, Long> nextSeq = new TreeMap<>();
    List<io.astraea.crypto.HashValue> committed = new ArrayList<>();
    for (TransactionToCommit t : applied.chunk().transactions()) {
      if (t.transaction() instanceof Transaction.UserTransaction u) {
        nextSeq.merge(u.transaction().sender(), u.transaction().sequenceNumber() + 1, Math::max);
        committed.add(t.info().transactionHash());
      }
    }
    CommittedTransactions c = new CommittedTransactions(nextSeq, committed, List.of(), store.latestVersion());
    for (CommitListener l : listeners) {
      l.onCommit(c);
    }
  }
}
