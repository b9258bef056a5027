package io.astraea.consensus;

import io.astraea.consensus.blocks.ExecutedBlock;
import io.astraea.consensus.types.Block;
import io.astraea.consensus.types.QuorumCert;
import io.astraea.crypto.quorum.BlockInfo;
import io.astraea.crypto.quorum.EpochState;
import io.astraea.crypto.quorum.LedgerInfo;
import java.util.Optional;

/**
 * Where the core (re)starts: an epoch's validator set and the last committed block with the
 * certificate of that block and the one that committed it. A node persists the latest one from
 * each {@link Action.Commit} / {@link Action.SyncTo}; uncommitted blocks are fetched from peers.
 */
public record RecoveryData(
    EpochState epochState, ExecutedBlock root, QuorumCert rootQc, QuorumCert commitCert) {

  /**
   * The start of the epoch that {@code previous} hands over to (or of {@code epochState}'s epoch
   * from a bootstrap ledger info): its genesis block, certified by the genesis certificate.
   */
  public static RecoveryData epochStart(LedgerInfo previous, EpochState epochState) {
    Block genesis = Block.genesis(previous);
    if (genesis.epoch() != epochState.epoch()) {
      throw new IllegalArgumentException(
          "ledger info leads to epoch " + genesis.epoch() + ", not " + epochState.epoch());
    }
    BlockInfo prev = previous.commitInfo();
    BlockInfo info =
        new BlockInfo(
            genesis.epoch(),
            0,
            genesis.id(),
            prev.executedStateId(),
            prev.version(),
            genesis.timestampUsecs(),
            Optional.empty());
    QuorumCert qc = QuorumCert.forGenesis(info);
    return new RecoveryData(epochState, new ExecutedBlock(genesis, info), qc, qc);
  }
}
