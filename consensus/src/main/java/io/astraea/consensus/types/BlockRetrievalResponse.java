package io.astraea.consensus.types;

import io.astraea.crypto.HashValue;
import io.astraea.crypto.bcs.BcsException;
import io.astraea.crypto.bcs.BcsReader;
import io.astraea.crypto.bcs.BcsWriter;
import io.astraea.crypto.quorum.ValidatorVerifier;
import io.astraea.crypto.quorum.VerifyException;
import java.util.List;

/** The answer to a {@link BlockRetrievalRequest}: the requested block first, then ancestors. */
public record BlockRetrievalResponse(BlockRetrievalStatus status, List<Block> blocks)
    implements ConsensusMsg {

  public BlockRetrievalResponse {
    blocks = List.copyOf(blocks);
  }

  public static BlockRetrievalResponse decode(BcsReader r) throws BcsException {
    BlockRetrievalStatus status = BlockRetrievalStatus.values()[r.readVariant(3)];
    return new BlockRetrievalResponse(status, r.readSeq(Block::decode));
  }

  @Override
  public void serialize(BcsWriter w) {
    w.writeVariant(status.ordinal());
    w.writeSeq(blocks);
  }

  @Override
  public int variant() {
    return 1;
  }

  @Override
  public long epoch() {
    return blocks.isEmpty() ? -1 : blocks.get(0).epoch();
  }

  /**
   * Checks the response answers {@code request}: the first block is the one asked for, each next
   * one is the previous one's parent, no more than asked, and every block verifies.
   */
  public void verify(
      BlockRetrievalRequest request, ValidatorVerifier verifier, SignatureChecker checker)
      throws VerifyException {
    if (status == BlockRetrievalStatus.SUCCEEDED && blocks.size() != request.numBlocks()) {
      throw new VerifyException(VerifyException.Kind.INCONSISTENT, "wrong number of blocks");
    }
    if (blocks.size() > request.numBlocks()) {
      throw new VerifyException(VerifyException.Kind.INCONSISTENT, "more blocks than requested");
    }
    HashValue expected = request.blockId();
    for (Block b : blocks) {
      if (!b.id().equals(expected)) {
        throw new VerifyException(
            VerifyException.Kind.INCONSISTENT, "retrieved blocks do not form a chain");
      }
      b.verify(verifier, checker);
      expected = b.parentId();
    }
  }
}
