package io.astraea.consensus;

import io.astraea.consensus.blocks.BlockTree;
import io.astraea.consensus.blocks.BlockTreeException;
import io.astraea.consensus.blocks.ExecutedBlock;
import io.astraea.consensus.types.Block;
import io.astraea.crypto.quorum.BlockInfo;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Executes a block on its parent and adds it to the tree. Blocks after a reconfiguration in the
 * same epoch are not executed: they must be empty and keep their parent's time, and inherit its
 * state and next validator set, so every validator ends the epoch at the same ledger info.
 */
final class BlockExecution {
  private static final Logger LOG = LoggerFactory.getLogger(BlockExecution.class);

  private final BlockTree tree;
  private final Executor executor;
  private final String logId;

  BlockExecution(BlockTree tree, Executor executor, String logId) {
    this.tree = tree;
    this.executor = executor;
    this.logId = logId;
  }

  /** The executed block, or empty if its parent is unknown or it cannot be executed. */
  Optional<ExecutedBlock> executeAndInsert(Block b) {
    Optional<ExecutedBlock> known = tree.get(b.id());
    if (known.isPresent()) {
      return known;
    }
    Optional<ExecutedBlock> parent = tree.get(b.parentId());
    if (parent.isEmpty()) {
      return Optional.empty();
    }
    BlockInfo p = parent.get().info();
    BlockInfo info;
    if (p.hasReconfiguration()) {
      if (!b.payload().isEmpty() || b.timestampUsecs() != p.timestampUsecs()) {
        LOG.warn("[{} e{}] malformed block after reconfiguration: {}", logId, b.epoch(), b);
        return Optional.empty();
      }
      info = new BlockInfo(b.epoch(), b.round(), b.id(), p.executedStateId(), p.version(),
          p.timestampUsecs(), p.nextEpochState());
    } else {
      try {
        ExecutionResult r = executor.execute(b, p);
        info = new BlockInfo(b.epoch(), b.round(), b.id(), r.executedStateId(), r.version(),
            b.timestampUsecs(), r.nextEpochState());
      } catch (Executor.ExecutionException e) {
        LOG.warn("[{} e{}] cannot execute {}: {}", logId, b.epoch(), b, e.getMessage());
        return Optional.empty();
      }
    }
    ExecutedBlock eb = new ExecutedBlock(b, info);
    try {
      tree.insert(eb);
    } catch (BlockTreeException e) {
      LOG.debug("[{} e{}] cannot insert {}: {}", logId, b.epoch(), b, e.getMessage());
      return Optional.empty();
    }
    return Optional.of(eb);
  }
}
