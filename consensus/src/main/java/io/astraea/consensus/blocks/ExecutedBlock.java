package io.astraea.consensus.blocks;

import io.astraea.consensus.types.Block;
import io.astraea.crypto.HashValue;
import io.astraea.crypto.quorum.BlockInfo;

/** A block together with the result of executing it: what votes on it certify. */
public record ExecutedBlock(Block block, BlockInfo info) {
  public ExecutedBlock {
    if (!info.id().equals(block.id()) || info.round() != block.round()) {
      throw new IllegalArgumentException("execution result does not describe the block");
    }
  }

  public HashValue id() {
    return block.id();
  }

  public long round() {
    return block.round();
  }

  public HashValue parentId() {
    return block.parentId();
  }
}
