package io.astraea.ledger.accumulator;

import io.astraea.crypto.HashValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The stored accumulator: appends leaves (producing the frozen nodes to persist) and serves root
 * hashes and proofs for any size it has held, reading frozen nodes from an {@link
 * AccumulatorReader}. Hashes of partly filled nodes are recomputed on the fly: at most one per
 * level, so every operation costs O(log n) reads.
 */
public final class MerkleAccumulator {
  private final AccumulatorReader reader;

  public MerkleAccumulator(AccumulatorReader reader) {
    this.reader = reader;
  }

  /** Appends {@code leaves} to an accumulator of {@code numLeaves} leaves, storing nothing. */
  public AccumulatorAppend append(long numLeaves, List<HashValue> leaves) throws AccumulatorException {
    checkSize(numLeaves);
    TreeMap<Long, HashValue> created = new TreeMap<>();
    long index = numLeaves;
    for (HashValue leaf : leaves) {
      HashValue current = leaf;
      int level = 0;
      long idx = index;
      created.put(Position.of(0, idx), current);
      while ((idx & 1) == 1) {
        HashValue left = frozen(Position.of(level, idx - 1), created);
        current = AccumulatorHashing.internal(left, current);
        level++;
        idx >>= 1;
        created.put(Position.of(level, idx), current);
      }
      index++;
    }
    long total = numLeaves + leaves.size();
    HashValue root = rootHash(total, created);
    return new AccumulatorAppend(created, total, root);
  }

  /** The root hash of the accumulator when it had {@code numLeaves} leaves. */
  public HashValue rootHash(long numLeaves) throws AccumulatorException {
    return rootHash(numLeaves, Map.of());
  }

  private HashValue rootHash(long numLeaves, Map<Long, HashValue> overlay) throws AccumulatorException {
    checkSize(numLeaves);
    if (numLeaves == 0) {
      return AccumulatorHashing.PLACEHOLDER;
    }
    return nodeHash(Position.rootLevel(numLeaves), 0, numLeaves, overlay);
  }

  /** Inclusion proof of leaf {@code leafIndex} in the accumulator of {@code numLeaves} leaves. */
  public AccumulatorProof getProof(long numLeaves, long leafIndex) throws AccumulatorException {
    checkLeaf(numLeaves, leafIndex);
    int rootLevel = Position.rootLevel(numLeaves);
    List<HashValue> siblings = new ArrayList<>(rootLevel);
    for (int level = 0; level < rootLevel; level++) {
      siblings.add(nodeHash(level, (leafIndex >>> level) ^ 1, numLeaves, Map.of()));
    }
    return new AccumulatorProof(siblings);
  }

  /** Range proof of leaves {@code [firstLeaf, firstLeaf + count)}, {@code count >= 1}. */
  public AccumulatorRangeProof getRangeProof(long numLeaves, long firstLeaf, long count)
      throws AccumulatorException {
    if (count < 1) {
      throw new AccumulatorException(AccumulatorException.Kind.INVALID_REQUEST, "empty range");
    }
    checkLeaf(numLeaves, firstLeaf);
    long lastLeaf = firstLeaf + count - 1;
    checkLeaf(numLeaves, lastLeaf);
    int rootLevel = Position.rootLevel(numLeaves);
    List<HashValue> left = new ArrayList<>();
    List<HashValue> right = new ArrayList<>();
    for (int level = 0; level < rootLevel; level++) {
      long first = firstLeaf >>> level;
      long last = lastLeaf >>> level;
      if ((first & 1) == 1) {
        left.add(nodeHash(level, first - 1, numLeaves, Map.of()));
      }
      if ((last & 1) == 0) {
        right.add(nodeHash(level, last + 1, numLeaves, Map.of()));
      }
    }
    return new AccumulatorRangeProof(left, right);
  }

  /** Proof that the accumulator of {@code newNumLeaves} extends the one of {@code oldNumLeaves}. */
  public AccumulatorConsistencyProof getConsistencyProof(long oldNumLeaves, long newNumLeaves)
      throws AccumulatorException {
    checkSize(oldNumLeaves);
    checkSize(newNumLeaves);
    if (oldNumLeaves > newNumLeaves) {
      throw new AccumulatorException(
          AccumulatorException.Kind.INVALID_REQUEST, "cannot prove " + newNumLeaves + " extends " + oldNumLeaves);
    }
    List<HashValue> subtrees = new ArrayList<>();
    long at = oldNumLeaves;
    while (at < newNumLeaves) {
      int level = Math.min(at == 0 ? Position.MAX_LEVEL : Long.numberOfTrailingZeros(at),
          63 - Long.numberOfLeadingZeros(newNumLeaves - at));
      subtrees.add(frozen(Position.of(level, at >>> level), Map.of()));
      at += 1L << level;
    }
    return new AccumulatorConsistencyProof(subtrees);
  }

  /** The roots of the frozen subtrees of the accumulator of {@code numLeaves}, left to right. */
  public List<HashValue> frozenSubtreeRoots(long numLeaves) throws AccumulatorException {
    return getConsistencyProof(0, numLeaves).subtrees();
  }

  private HashValue nodeHash(int level, long index, long numLeaves, Map<Long, HashValue> overlay)
      throws AccumulatorException {
    long firstLeaf = index << level;
    if (firstLeaf >= numLeaves) {
      return AccumulatorHashing.PLACEHOLDER;
    }
    if (numLeaves - firstLeaf >= (1L << level)) {
      return frozen(Position.of(level, index), overlay);
    }
    HashValue left = nodeHash(level - 1, index * 2, numLeaves, overlay);
    HashValue right = nodeHash(level - 1, index * 2 + 1, numLeaves, overlay);
    return AccumulatorHashing.internal(left, right);
  }

  private HashValue frozen(long position, Map<Long, HashValue> overlay) throws AccumulatorException {
    HashValue h = overlay.get(position);
    if (h != null) {
      return h;
    }
    Optional<HashValue> stored = reader.get(position);
    if (stored.isEmpty()) {
      throw new AccumulatorException(
          AccumulatorException.Kind.MISSING_NODE, "missing accumulator node at position " + position);
    }
    return stored.get();
  }

  private static void checkSize(long numLeaves) throws AccumulatorException {
    if (numLeaves < 0 || numLeaves > (1L << Position.MAX_LEVEL)) {
      throw new AccumulatorException(AccumulatorException.Kind.INVALID_REQUEST, "bad leaf count " + numLeaves);
    }
  }

  private static void checkLeaf(long numLeaves, long leafIndex) throws AccumulatorException {
    checkSize(numLeaves);
    if (leafIndex < 0 || leafIndex >= numLeaves) {
      throw new AccumulatorException(
          AccumulatorException.Kind.INVALID_REQUEST, "leaf " + leafIndex + " not among " + numLeaves + " leaves");
    }
  }
}
