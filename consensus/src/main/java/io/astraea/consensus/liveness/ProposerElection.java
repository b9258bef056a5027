package io.astraea.consensus.liveness;

import io.astraea.crypto.AccountAddress;
import java.util.List;

/** Who may propose in a round. Every honest validator must compute the same answer. */
public interface ProposerElection {
  AccountAddress proposer(long round);

  default boolean isValidProposer(AccountAddress author, long round) {
    return proposer(round).equals(author);
  }

  /** Learns of a committed block (its round, proposer and the signers of its commit). */
  default void onCommit(CommitRecord record) {}

  /**
   * How many of the epoch's latest committed blocks {@link #restoreHistory} wants; 0 for an
   * election that does not look at history.
   */
  default int historyNeeded() {
    return 0;
  }

  /**
   * Replaces what was learnt by {@link #onCommit} with the epoch's latest committed blocks, oldest
   * first, as the ledger holds them: after a restart, and after a state sync skipped blocks.
   */
  default void restoreHistory(List<CommitRecord> committed) {}
}
