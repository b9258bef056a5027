package io.astraea.consensus;

import io.astraea.consensus.blocks.ExecutedBlock;
import io.astraea.consensus.types.Block;
import io.astraea.consensus.types.QuorumCert;
import io.astraea.consensus.types.TwoChainTimeoutCertificate;
import io.astraea.crypto.bcs.BcsException;
import io.astraea.crypto.bcs.BcsReader;
import io.astraea.crypto.bcs.BcsWriter;
import io.astraea.crypto.quorum.BlockInfo;
import io.astraea.crypto.quorum.EpochState;
import io.astraea.crypto.quorum.LedgerInfo;
import java.util.List;
import java.util.Optional;

/**
 * Where the core (re)starts: an epoch's validator set and the last committed block with the
 * certificate of that block and the one that committed it, plus the certified blocks above the
 * root with their certificates. A node persists the latest one from each {@link Action.Commit} /
 * {@link Action.SyncTo}.
 *
 * <p>The certified blocks matter because the commit certificate certifies the root's child: a
 * node that kept only the root would hold a certificate for a block nobody may be able to supply
 * (in a one-validator network, nobody at all), while its safety data already refuses to time out
 * below that certificate. On restart the core re-executes these blocks on the root and checks
 * every certificate against the re-execution before using it.
 *
 * <p>The highest timeout certificate matters for the same reason: a validator that timed out in
 * round r has its safety data at r, and from then on refuses to time out in any lower round. If
 * every validator restarts (an operator restarting a whole network) while the last rounds ended by
 * timeout, each would come back in the round after its highest QC, below the round its safety data
 * holds, and none could sign a timeout again: the certificate that moved them on is needed to
 * resume where they stopped.
 *
 * @param certifiedBlocks certified blocks above the root, ordered by round (parents first)
 * @param certificates the certificates of {@code certifiedBlocks}
 * @param highestTimeoutCert the highest timeout certificate above the root, if any
 */
public record RecoveryData(
    EpochState epochState,
    ExecutedBlock root,
    QuorumCert rootQc,
    QuorumCert commitCert,
    List<Block> certifiedBlocks,
    List<QuorumCert> certificates,
    Optional<TwoChainTimeoutCertificate> highestTimeoutCert) {

  public RecoveryData {
    certifiedBlocks = List.copyOf(certifiedBlocks);
    certificates = List.copyOf(certificates);
    java.util.Objects.requireNonNull(highestTimeoutCert);
  }

  /** Recovery data without a timeout certificate. */
  public RecoveryData(
      EpochState epochState,
      ExecutedBlock root,
      QuorumCert rootQc,
      QuorumCert commitCert,
      List<Block> certifiedBlocks,
      List<QuorumCert> certificates) {
    this(epochState, root, rootQc, commitCert, certifiedBlocks, certificates, Optional.empty());
  }

  /** Recovery data holding only the committed root (nothing certified above it is kept). */
  public RecoveryData(
      EpochState epochState, ExecutedBlock root, QuorumCert rootQc, QuorumCert commitCert) {
    this(epochState, root, rootQc, commitCert, List.of(), List.of());
  }

  /**
   * Writes {@link #certifiedBlocks} then {@link #certificates} as two BCS sequences: the part of
   * the record a node appends to the fields it already persists.
   */
  public void serializeCertified(BcsWriter w) {
    w.writeSeq(certifiedBlocks);
    w.writeSeq(certificates);
  }

  /** This record with the certified blocks and certificates read as {@link #serializeCertified} wrote them. */
  public RecoveryData withCertifiedFrom(BcsReader r) throws BcsException {
    List<Block> blocks = r.readSeq(Block::decode);
    List<QuorumCert> qcs = r.readSeq(QuorumCert::decode);
    return new RecoveryData(epochState, root, rootQc, commitCert, blocks, qcs, highestTimeoutCert);
  }

  /** Writes {@link #highestTimeoutCert} as a BCS option (appended after {@link #serializeCertified}). */
  public void serializeTimeoutCert(BcsWriter w) {
    w.writeOption(highestTimeoutCert, (ww, tc) -> tc.serialize(ww));
  }

  /** This record with the timeout certificate read as {@link #serializeTimeoutCert} wrote it. */
  public RecoveryData withTimeoutCertFrom(BcsReader r) throws BcsException {
    Optional<TwoChainTimeoutCertificate> tc = r.readOption(TwoChainTimeoutCertificate::decode);
    return new RecoveryData(epochState, root, rootQc, commitCert, certifiedBlocks, certificates, tc);
  }

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
