package io.astraea.consensus.liveness;

import io.astraea.consensus.types.Block;
import io.astraea.crypto.AccountAddress;
import java.util.Optional;
import java.util.Set;

/**
 * What leader election learns from one committed block: its round, its proposer and the signers
 * of the certificate it carries. Only data inside the committed block is used, so every
 * validator learns the same thing (which certificate a node holds for a block is not agreed).
 */
public record CommitRecord(long round, Optional<AccountAddress> proposer, Set<AccountAddress> voters) {
  public CommitRecord {
    voters = Set.copyOf(voters);
  }

  /**
   * What a committed block tells: its round, author and the signers of the certificate it
   * carries. A node's ledger records the same three in the block's {@code BlockMetadata}.
   */
  public static CommitRecord of(Block block) {
    return new CommitRecord(block.round(), block.author(),
        block.quorumCert().signedLedgerInfo().signatures().keySet());
  }
}
