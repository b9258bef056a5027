package io.astraea.node.sync;

import io.astraea.crypto.bcs.BcsException;
import io.astraea.crypto.quorum.LedgerInfoWithSignatures;
import io.astraea.ledger.storage.LedgerStore;
import io.astraea.ledger.storage.StorageException;
import io.astraea.ledger.storage.TransactionListWithProof;
import io.astraea.ledger.storage.TransactionWithInfo;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The serving side of state sync: answers a {@link SyncRequest} from the committed ledger with a
 * {@link SyncResponse.Chunk}. The proof is against, in order of preference: the ledger info that
 * ended the requester's epoch (when the target lies beyond it: the requester must learn the next
 * validator set before it can check anything later), the server's latest ledger info (target
 * {@link SyncRequest#LATEST}), or the requested target version (the requester holds that ledger
 * info). Chunks are capped in count and encoded size. Reads only; safe on any thread.
 */
public final class SyncServer {
  private static final Logger LOG = LoggerFactory.getLogger(SyncServer.class);

  private final LedgerStore store;
  private final int maxTransactions;
  private final int maxResponseBytes;

  public SyncServer(LedgerStore store, int maxTransactions, int maxResponseBytes) {
    this.store = store;
    this.maxTransactions = maxTransactions;
    this.maxResponseBytes = maxResponseBytes;
  }

  /** The RPC hook: request bytes in, response bytes out; never throws. */
  public byte[] handle(byte[] requestBytes) {
    SyncResponse response;
    try {
      response = serve(SyncRequest.fromBcs(requestBytes));
    } catch (BcsException e) {
      response = new SyncResponse.Refused("malformed request: " + e.getMessage());
    } catch (StorageException e) {
      LOG.debug("cannot serve sync request: {}", e.getMessage());
      response = new SyncResponse.Refused("cannot serve: " + e.getMessage());
    }
    return response.toBcs();
  }

  SyncResponse serve(SyncRequest req) throws StorageException {
    long latest = store.latestVersion();
    Optional<LedgerInfoWithSignatures> latestLi = store.latestLedgerInfo();
    if (latestLi.isEmpty()) {
      return new SyncResponse.Refused("no ledger info yet");
    }
    Optional<LedgerInfoWithSignatures> ending =
        store.ledgerInfo(req.knownEpoch()).filter(li -> li.ledgerInfo().endsEpoch());
    long target = req.targetVersion();
    long ledgerVersion;
    Optional<LedgerInfoWithSignatures> li;
    if (ending.isPresent() && ending.get().ledgerInfo().version() >= req.startVersion()
        && (target == SyncRequest.LATEST || ending.get().ledgerInfo().version() < target)) {
      li = ending;
      ledgerVersion = ending.get().ledgerInfo().version();
    } else if (target == SyncRequest.LATEST) {
      li = latestLi;
      ledgerVersion = latestLi.get().ledgerInfo().version();
    } else {
      if (target > latest || target < 0) {
        return new SyncResponse.Refused("version " + target + " is not committed here (latest " + latest + ")");
      }
      ledgerVersion = target;
      li = latestLi.filter(l -> l.ledgerInfo().version() == target);
    }
    if (req.startVersion() < 0 || req.startVersion() > ledgerVersion) {
      return new SyncResponse.Chunk(req.startVersion(), java.util.List.of(), java.util.List.of(), Optional.empty(),
          ledgerVersion, li);
    }
    int limit = (int) Math.max(1, Math.min(req.limit(), maxTransactions));
    while (true) {
      TransactionListWithProof list = store.transactions(req.startVersion(), limit, ledgerVersion, false);
      SyncResponse.Chunk chunk = new SyncResponse.Chunk(req.startVersion(),
          list.transactions().stream().map(TransactionWithInfo::transaction).toList(),
          list.transactions().stream().map(TransactionWithInfo::info).toList(),
          list.proof(), ledgerVersion, li);
      if (limit == 1 || chunk.toBcs().length <= maxResponseBytes) {
        return chunk;
      }
      limit = limit / 2;
    }
  }
}
