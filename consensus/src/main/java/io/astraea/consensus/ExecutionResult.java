package io.astraea.consensus;

import io.astraea.crypto.HashValue;
import io.astraea.crypto.quorum.EpochState;
import java.util.Optional;

/**
 * The outcome of executing one block: the accumulator root and version after it, and the next
 * epoch's validator set if the block reconfigures.
 */
public record ExecutionResult(
    HashValue executedStateId, long version, Optional<EpochState> nextEpochState) {}
