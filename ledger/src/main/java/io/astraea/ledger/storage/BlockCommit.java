package io.astraea.ledger.storage;

import io.astraea.crypto.quorum.LedgerInfoWithSignatures;
import io.astraea.ledger.jmt.TreeUpdateBatch;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything one commit persists: consecutive transactions from {@code firstVersion}, the state
 * tree update they produced (a root per transaction, from {@link
 * io.astraea.ledger.jmt.JellyfishMerkleTree#putValueSets}; its value sets are stored too, so that
 * versions whose nodes the update did not keep can be rebuilt), and optionally the ledger info
 * with signatures that certifies the last of them. Several consensus blocks committed by one ledger
 * info may be concatenated into one commit.
 */
public record BlockCommit(
    long firstVersion,
    List<TransactionToCommit> transactions,
    TreeUpdateBatch stateUpdate,
    Optional<LedgerInfoWithSignatures> ledgerInfo) {
  public BlockCommit {
    transactions = List.copyOf(transactions);
    Objects.requireNonNull(stateUpdate, "stateUpdate");
    Objects.requireNonNull(ledgerInfo, "ledgerInfo");
  }

  public long lastVersion() {
    return firstVersion + transactions.size() - 1;
  }
}
