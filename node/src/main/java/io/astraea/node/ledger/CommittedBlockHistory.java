package io.astraea.node.ledger;

import io.astraea.consensus.liveness.CommitRecord;
import io.astraea.crypto.quorum.LedgerInfoWithSignatures;
import io.astraea.ledger.state.EventHandle;
import io.astraea.ledger.state.StateKeys;
import io.astraea.ledger.storage.EventWithVersion;
import io.astraea.ledger.storage.LedgerStore;
import io.astraea.ledger.storage.StorageException;
import io.astraea.ledger.types.BlockMetadata;
import io.astraea.ledger.types.Transaction;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;

/**
 * Reads leader election's history from the ledger: the latest committed blocks of an epoch, as
 * their {@code BlockMetadata} transactions record them (round, proposer, the signers of the
 * certificate the block carried). The block prologue emits one {@code NewBlockEvent} per block
 * under the system's new-block handle, so the latest ones are found through the event index
 * without scanning transactions; the epoch's bounds are the versions of the ledger infos that
 * ended the epoch before and, if it is over, the epoch itself.
 *
 * <p>Blocks that carry no metadata (an epoch's genesis block, and the blocks after a
 * reconfiguration in the epoch it ends) are not in the history; consensus does not record them
 * either where it matters: the genesis block is the root it starts from, and no round of an epoch
 * comes after its reconfiguration's blocks.
 */
final class CommittedBlockHistory {
  private CommittedBlockHistory() {}

  /** The last {@code limit} (or fewer) blocks of {@code epoch} the ledger holds, oldest first. */
  static List<CommitRecord> read(LedgerService ledger, long epoch, int limit) throws StorageException {
    LedgerStore store = ledger.store();
    Optional<LedgerInfoWithSignatures> before = epoch == 0 ? Optional.empty() : store.ledgerInfo(epoch - 1);
    if (limit <= 0 || before.isEmpty() || !before.get().ledgerInfo().endsEpoch()) {
      return List.of(); // the ledger has not reached the epoch
    }
    long first = before.get().ledgerInfo().version() + 1;
    Optional<Long> ended = store.ledgerInfo(epoch)
        .filter(li -> li.ledgerInfo().endsEpoch())
        .map(li -> li.ledgerInfo().version());
    long last = ended.orElse(Long.MAX_VALUE);
    // The handle's counter as the epoch left it: the number of blocks up to its last one.
    EventHandle blocks = (ended.isPresent() ? ledger.systemState(last) : ledger.systemState()).newBlockEvents();
    long from = Math.max(0, blocks.counter() - limit);
    List<CommitRecord> out = new ArrayList<>();
    for (EventWithVersion e : store.eventsByKey(blocks.key(), from, limit)) {
      long version = e.transactionVersion();
      if (version < first || version > last) {
        continue;
      }
      Transaction t = store.transaction(version, false).transaction();
      if (!(t instanceof Transaction.BlockMetadataTransaction m)) {
        throw new StorageException(StorageException.Kind.CORRUPT,
            "new-block event at version " + version + " is not on a block metadata transaction");
      }
      out.add(record(m.metadata()));
    }
    return out;
  }

  private static CommitRecord record(BlockMetadata m) {
    Optional<io.astraea.crypto.AccountAddress> proposer =
        m.proposer().equals(StateKeys.NIL_PROPOSER) ? Optional.empty() : Optional.of(m.proposer());
    return new CommitRecord(m.round(), proposer, new HashSet<>(m.previousBlockVotes()));
  }
}
