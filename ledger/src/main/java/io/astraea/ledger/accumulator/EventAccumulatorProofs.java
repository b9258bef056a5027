package io.astraea.ledger.accumulator;

import io.astraea.crypto.HashValue;
import java.util.ArrayList;
import java.util.List;

/**
 * Inclusion proofs in a transaction's event accumulator (Diem's {@code EventAccumulatorProof}),
 * built from all of the transaction's event hashes: an event list is small and never stored as an
 * accumulator, so the tree is recomputed for each proof. A node entirely past the last event is the
 * placeholder hash, as in {@link InMemoryAccumulator#rootHash}.
 */
public final class EventAccumulatorProofs {
  private static final InMemoryAccumulator HASHER = InMemoryAccumulator.events();
  private static final HashValue PLACEHOLDER = HASHER.rootHash();

  private EventAccumulatorProofs() {}

  /** The siblings of event {@code index} among {@code eventHashes}, from the bottom level up. */
  public static AccumulatorProof inclusion(List<HashValue> eventHashes, int index) {
    int n = eventHashes.size();
    if (index < 0 || index >= n) {
      throw new IllegalArgumentException("event " + index + " of " + n);
    }
    int rootLevel = n == 1 ? 0 : 32 - Integer.numberOfLeadingZeros(n - 1);
    List<HashValue> siblings = new ArrayList<>(rootLevel);
    for (int level = 0; level < rootLevel; level++) {
      siblings.add(node(eventHashes, level, (index >>> level) ^ 1));
    }
    return new AccumulatorProof(siblings);
  }

  private static HashValue node(List<HashValue> leaves, int level, long position) {
    long first = position << level;
    if (first >= leaves.size()) {
      return PLACEHOLDER;
    }
    if (level == 0) {
      return leaves.get((int) position);
    }
    return HASHER.hash(node(leaves, level - 1, 2 * position), node(leaves, level - 1, 2 * position + 1));
  }
}
