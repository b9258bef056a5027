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
 * whose answer fails is skipped for the next one; the sync fails only when a full round over the
 * peers makes no progress. Crossing epochs works chunk by chunk: the server proves the chunk that
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
  private final List<CommitListener> listeners = new CopyOnWriteArrayList<>();
  private int nextPeer;

  public SyncClient(LedgerService ledger, SyncTransport transport, ExecutorConfig config, int chunkSize) {
    this.ledger = ledger;
    this.store = ledger.store();
    this.transport = transport;
    this.applier = new ChunkApplier(ledger, config);
    this.chunkSize = chunkSize;
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
    while (store.latestVersion() < goal) {
      fetchOne(peers, goal, Optional.of(target));
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
      LOG.warn("state sync from {} failed: {}", peer, last.getMessage());
    }
    if (upToDate || last == null) {
      return false;
    }
    throw new SyncException(last.kind(), "no peer served a valid chunk; last error: " + last.getMessage(), last);
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
