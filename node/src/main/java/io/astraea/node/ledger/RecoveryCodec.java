package io.astraea.node.ledger;

import io.astraea.consensus.RecoveryData;
import io.astraea.consensus.blocks.ExecutedBlock;
import io.astraea.consensus.types.Block;
import io.astraea.consensus.types.QuorumCert;
import io.astraea.crypto.bcs.BcsException;
import io.astraea.crypto.bcs.BcsReader;
import io.astraea.crypto.bcs.BcsWriter;
import io.astraea.crypto.quorum.BlockInfo;
import io.astraea.crypto.quorum.EpochState;

/**
 * BCS layout of the persisted {@link RecoveryData}: a format version byte, then the epoch state,
 * the root block, the root's execution info, the root certificate and the commit certificate, each
 * in its own BCS form, then (format 2) the certified blocks above the root and their certificates,
 * which a restarted validator needs when no peer can supply them (a one-validator network), then
 * (format 3) the highest timeout certificate as a BCS option, without which a network restarted
 * as a whole after rounds that ended by timeout could not resume ({@link RecoveryData}). The
 * version byte lets a later release change the layout and still refuse (rather than misread) an
 * unknown file; format 1 files are read as having no certified blocks, format 1 and 2 files as
 * having no timeout certificate.
 */
public final class RecoveryCodec {
  static final int FORMAT = 3;
  private static final int FORMAT_WITHOUT_TIMEOUT_CERT = 2;
  private static final int FORMAT_WITHOUT_CERTIFIED_BLOCKS = 1;

  private RecoveryCodec() {}

  public static byte[] encode(RecoveryData d) {
    BcsWriter w = new BcsWriter();
    w.writeU8(FORMAT);
    d.epochState().serialize(w);
    d.root().block().serialize(w);
    d.root().info().serialize(w);
    d.rootQc().serialize(w);
    d.commitCert().serialize(w);
    d.serializeCertified(w);
    d.serializeTimeoutCert(w);
    return w.toByteArray();
  }

  /** Decodes strictly; a wrong format byte, bad field or trailing byte is a {@link BcsException}. */
  public static RecoveryData decode(byte[] bytes) throws BcsException {
    return BcsReader.decode(bytes, RecoveryCodec::read);
  }

  private static RecoveryData read(BcsReader r) throws BcsException {
    int format = r.readU8();
    if (format != FORMAT && format != FORMAT_WITHOUT_TIMEOUT_CERT && format != FORMAT_WITHOUT_CERTIFIED_BLOCKS) {
      throw new BcsException("unknown recovery data format " + format, 0);
    }
    EpochState epoch = EpochState.decode(r);
    Block block = Block.decode(r);
    BlockInfo info = BlockInfo.decode(r);
    QuorumCert rootQc = QuorumCert.decode(r);
    QuorumCert commitCert = QuorumCert.decode(r);
    ExecutedBlock root;
    try {
      root = new ExecutedBlock(block, info);
    } catch (IllegalArgumentException e) {
      throw new BcsException("recovery root info does not describe its block", 0);
    }
    RecoveryData data = new RecoveryData(epoch, root, rootQc, commitCert);
    if (format == FORMAT_WITHOUT_CERTIFIED_BLOCKS) {
      return data;
    }
    data = data.withCertifiedFrom(r);
    return format == FORMAT ? data.withTimeoutCertFrom(r) : data;
  }
}
