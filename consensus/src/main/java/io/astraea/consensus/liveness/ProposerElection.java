package io.astraea.consensus.liveness;

import io.astraea.crypto.AccountAddress;

/** Who may propose in a round. Every honest validator must compute the same answer. */
public interface ProposerElection {
  AccountAddress proposer(long round);

  default boolean isValidProposer(AccountAddress author, long round) {
    return proposer(round).equals(author);
  }

  /** Learns of a committed block (its round, proposer and the signers of its commit). */
  default void onCommit(CommitRecord record) {}
}
