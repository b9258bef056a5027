package io.astraea.ledger.accumulator;

import io.astraea.crypto.CryptoHasher;
import io.astraea.crypto.HashValue;
import io.astraea.crypto.quorum.BlockInfo;

/** The writer's hashing: internal nodes under {@code TransactionAccumulator}; Diem's placeholder. */
final class AccumulatorHashing {
  static final HashValue PLACEHOLDER = BlockInfo.ACCUMULATOR_PLACEHOLDER_HASH;
  private static final CryptoHasher INTERNAL = CryptoHasher.forType("TransactionAccumulator");

  private AccumulatorHashing() {}

  static HashValue internal(HashValue left, HashValue right) {
    return INTERNAL.hashPair(left, right);
  }
}
