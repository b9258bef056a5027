package io.astraea.consensus;

import io.astraea.consensus.liveness.CommitRecord;
import io.astraea.consensus.types.Block;
import io.astraea.crypto.quorum.BlockInfo;
import java.util.List;

/**
 * Speculative execution: the state a block leads to, on top of its (executed) parent. Votes
 * certify the result, so a validator executes before it votes. Must be deterministic; a block
 * whose payload cannot be executed throws, and is then not voted for.
 */
public interface Executor {
  ExecutionResult execute(Block block, BlockInfo parent) throws ExecutionException;

  /**
   * The last {@code limit} (or fewer) committed blocks of {@code epoch} that the ledger holds,
   * oldest first, as {@link CommitRecord#of} records them: leader election's history after a
   * restart or a state sync. Must depend on the committed ledger alone; empty if the ledger has
   * not reached the epoch, or keeps no such record.
   */
  default List<CommitRecord> committedHistory(long epoch, int limit) {
    return List.of();
  }

  /** A block could not be executed (the node's ledger refused it). */
  final class ExecutionException extends Exception {
    public ExecutionException(String message) {
      super(message);
    }
  }
}
