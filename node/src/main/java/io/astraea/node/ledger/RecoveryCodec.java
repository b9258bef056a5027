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
 * in its own BCS form. The version byte lets a later release change the layout and still refuse
 * (rather than misread) an old file.
 */
public final class RecoveryCodec {
  static final int FORMAT = 1;

  private RecoveryCodec() {}

  public static byte[] encode(RecoveryData d) {
    BcsWriter w = new BcsWriter();
    w.writeU8(FORMAT);
    d.epochState().serialize(w);
    d.root().block().serialize(w);
    d.root().info().serialize(w);
    d.rootQc().serialize(w);
    d.commitCert().serialize(w);
    return w.toByteArray();
  }

  /** Decodes strictly; a wrong format byte, bad field or trailing byte is a {@link BcsException}. */
  public static RecoveryData decode(byte[] bytes) throws BcsException {
    return BcsReader.decode(bytes, RecoveryCodec::read);
  }

  private static RecoveryData read(BcsReader r) throws BcsException {
    int format = r.readU8();
    if (format != FORMAT) {
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
    return new RecoveryData(epoch, root, rootQc, commitCert);
  }
}
