package io.astraea.ledger.accumulator;

import io.astraea.crypto.CryptoHasher;
import io.astraea.crypto.HashValue;
import io.astraea.crypto.quorum.BlockInfo;
import java.util.ArrayList;
import java.util.List;

/** Full recomputation of an accumulator root from all its leaves, level by level. */
final class NaiveAccumulator {
  private NaiveAccumulator() {}

  static HashValue root(List<HashValue> leaves) {
    if (leaves.isEmpty()) {
      return BlockInfo.ACCUMULATOR_PLACEHOLDER_HASH;
    }
    // null marks a subtree without any leaf
    List<HashValue> level = new ArrayList<>(leaves);
    while (level.size() > 1) {
      if (level.size() % 2 == 1) {
        level.add(null);
      }
      List<HashValue> up = new ArrayList<>();
      for (int i = 0; i < level.size(); i += 2) {
        HashValue l = level.get(i);
        HashValue r = level.get(i + 1);
        up.add(l == null ? null : CryptoHasher.forType("TransactionAccumulator").builder()
            .update(l).update(r == null ? BlockInfo.ACCUMULATOR_PLACEHOLDER_HASH : r).finish());
      }
      level = up;
    }
    return level.get(0);
  }
}
