package io.astraea.ledger.execution;

import io.astraea.crypto.quorum.EpochState;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The outputs of a block, one per input transaction in order (for a block: its metadata first),
 * and the state of the next epoch if a transaction of the block changed the validator set.
 */
public record BlockOutput(List<TransactionOutput> outputs, Optional<EpochState> nextEpochState) {
  public BlockOutput {
    outputs = List.copyOf(outputs);
    Objects.requireNonNull(nextEpochState, "nextEpochState");
  }

  /** Whether this block ends its epoch. */
  public boolean endsEpoch() {
    return nextEpochState.isPresent();
  }
}
