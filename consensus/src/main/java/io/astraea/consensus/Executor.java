package io.astraea.consensus;

import io.astraea.consensus.types.Block;
import io.astraea.crypto.quorum.BlockInfo;

/**
 * Speculative execution: the state a block leads to, on top of its (executed) parent. Votes
 * certify the result, so a validator executes before it votes. Must be deterministic; a block
 * whose payload cannot be executed throws, and is then not voted for.
 */
public interface Executor {
  ExecutionResult execute(Block block, BlockInfo parent) throws ExecutionException;

  /** A block could not be executed (the node's ledger refused it). */
  final class ExecutionException extends Exception {
    public ExecutionException(String message) {
      super(message);
    }
  }
}
