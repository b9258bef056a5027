package io.astraea.consensus.types;

import io.astraea.crypto.HashValue;
import io.astraea.crypto.bcs.BcsException;
import io.astraea.crypto.bcs.BcsReader;
import io.astraea.crypto.bcs.BcsWriter;
import io.astraea.crypto.bcs.HashCodec;

/** Asks a peer for {@code numBlocks} blocks: {@code blockId} and then its ancestors. */
public record BlockRetrievalRequest(HashValue blockId, long numBlocks) implements ConsensusMsg {
  public static BlockRetrievalRequest decode(BcsReader r) throws BcsException {
    return new BlockRetrievalRequest(HashCodec.decode(r), r.readU64());
  }

  @Override
  public void serialize(BcsWriter w) {
    HashCodec.write(w, blockId);
    w.writeU64(numBlocks);
  }

  @Override
  public int variant() {
    return 0;
  }

  @Override
  public long epoch() {
    return -1;
  }
}
