package io.astraea.consensus.types;

import io.astraea.crypto.CryptoHasher;
import io.astraea.crypto.HashValue;
import io.astraea.crypto.bcs.BcsEncodable;
import io.astraea.crypto.bcs.BcsException;
import io.astraea.crypto.bcs.BcsReader;
import io.astraea.crypto.bcs.BcsWriter;

/**
 * The signed content of a block: position, time, the certificate of its parent and what it
 * carries. A block's id is {@code hash(BlockData)}, so the id commits to the whole history.
 */
public record BlockData(
    long epoch, long round, long timestampUsecs, QuorumCert quorumCert, BlockType blockType)
    implements BcsEncodable {
  public static final CryptoHasher HASHER = CryptoHasher.forType("BlockData");

  public static BlockData decode(BcsReader r) throws BcsException {
    r.enter();
    BlockData d =
        new BlockData(
            r.readU64(), r.readU64(), r.readU64(), QuorumCert.decode(r), BlockType.decode(r));
    r.leave();
    return d;
  }

  @Override
  public void serialize(BcsWriter w) {
    w.writeU64(epoch).writeU64(round).writeU64(timestampUsecs);
    quorumCert.serialize(w);
    blockType.serialize(w);
  }

  public HashValue hash() {
    return HASHER.hash(toBcs());
  }

  /** The bytes a proposer signs: {@code sha3("DIEM::BlockData") || bcs(this)}. */
  public byte[] signingMessage() {
    return HASHER.signingMessage(toBcs());
  }
}
