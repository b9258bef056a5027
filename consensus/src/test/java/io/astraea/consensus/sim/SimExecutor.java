package io.astraea.consensus.sim;

import io.astraea.consensus.ExecutionResult;
import io.astraea.consensus.Executor;
import io.astraea.consensus.PayloadSource;
import io.astraea.consensus.types.Block;
import io.astraea.consensus.types.Payload;
import io.astraea.crypto.Sha3;
import io.astraea.crypto.quorum.BlockInfo;
import io.astraea.crypto.quorum.EpochState;
import io.astraea.crypto.quorum.ValidatorVerifier;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Optional;

/**
 * A deterministic stand-in for the ledger: the state after a block is the hash of the parent
 * state and the block id, one version per block, and optionally a reconfiguration (same
 * validators, next epoch) every {@code reconfigEvery} versions. Also the payload source: every
 * leader always has a small payload, so the simulated network is busy.
 */
public final class SimExecutor implements Executor, PayloadSource {
  private final int node;
  private final long reconfigEvery;
  private final ValidatorVerifier verifier;

  public SimExecutor(int node, long reconfigEvery, ValidatorVerifier verifier) {
    this.node = node;
    this.reconfigEvery = reconfigEvery;
    this.verifier = verifier;
  }

  @Override
  public ExecutionResult execute(Block block, BlockInfo parent) {
    long version = parent.version() + 1;
    Optional<EpochState> next =
        reconfigEvery > 0 && version % reconfigEvery == 0
            ? Optional.of(new EpochState(block.epoch() + 1, verifier))
            : Optional.empty();
    return new ExecutionResult(
        Sha3.hash(parent.executedStateId().toBytes(), block.id().toBytes()), version, next);
  }

  @Override
  public Payload pull(long round, List<Payload> pending) {
    return Payload.of(ByteBuffer.allocate(12).putInt(node).putLong(round).array());
  }
}
