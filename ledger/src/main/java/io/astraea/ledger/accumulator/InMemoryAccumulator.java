package io.astraea.ledger.accumulator;

import io.astraea.crypto.HashValue;
import io.astraea.crypto.Sha3;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * An accumulator known only by its frozen subtree roots (one per set bit of the leaf count,
 * largest first): enough to compute the root and to keep appending. Clients and state sync hold
 * this as their summary of the ledger; execution uses the event variant for a transaction's event
 * root. Immutable. It hashes with code of its own, independent of {@link MerkleAccumulator}.
 */
public final class InMemoryAccumulator {
  private static final byte[] TRANSACTION_SALT = salt("TransactionAccumulator");
  private static final byte[] EVENT_SALT = salt("EventAccumulator");
  private static final HashValue PLACEHOLDER = placeholder();

  private final byte[] salt;
  private final List<HashValue> frozen;
  private final long numLeaves;

  private InMemoryAccumulator(byte[] salt, List<HashValue> frozen, long numLeaves) {
    this.salt = salt;
    this.frozen = List.copyOf(frozen);
    this.numLeaves = numLeaves;
  }

  /** An empty transaction accumulator. */
  public static InMemoryAccumulator transactions() {
    return new InMemoryAccumulator(TRANSACTION_SALT, List.of(), 0);
  }

  /** An empty event accumulator (Diem's {@code EventAccumulator} domain). */
  public static InMemoryAccumulator events() {
    return new InMemoryAccumulator(EVENT_SALT, List.of(), 0);
  }

  /** Diem's event root of a transaction: the event accumulator over its event hashes. */
  public static HashValue eventRootHash(List<HashValue> eventHashes) {
    return events().append(eventHashes).rootHash();
  }

  /** A transaction accumulator from its frozen subtree roots (as a node's summary gives them). */
  public static InMemoryAccumulator transactions(List<HashValue> frozenSubtreeRoots, long numLeaves)
      throws AccumulatorProofException {
    if (numLeaves < 0 || Long.bitCount(numLeaves) != frozenSubtreeRoots.size()) {
      throw new AccumulatorProofException(
          frozenSubtreeRoots.size() + " frozen subtrees cannot form " + numLeaves + " leaves");
    }
    return new InMemoryAccumulator(TRANSACTION_SALT, frozenSubtreeRoots, numLeaves);
  }

  public long numLeaves() {
    return numLeaves;
  }

  public List<HashValue> frozenSubtreeRoots() {
    return frozen;
  }

  public InMemoryAccumulator append(List<HashValue> leaves) {
    InMemoryAccumulator acc = this;
    for (HashValue leaf : leaves) {
      acc = acc.appendSubtree(0, leaf);
    }
    return acc;
  }

  /**
   * Appends the frozen subtrees of a {@link AccumulatorConsistencyProof} that cover {@code
   * numNewLeaves} more leaves.
   */
  public InMemoryAccumulator appendSubtrees(List<HashValue> subtrees, long numNewLeaves)
      throws AccumulatorProofException {
    if (numNewLeaves < 0 || numLeaves + numNewLeaves < numLeaves) {
      throw new AccumulatorProofException("bad number of new leaves " + numNewLeaves);
    }
    long target = numLeaves + numNewLeaves;
    InMemoryAccumulator acc = this;
    int used = 0;
    while (acc.numLeaves < target) {
      if (used == subtrees.size()) {
        throw new AccumulatorProofException("too few subtrees to reach " + target + " leaves");
      }
      int alignment = acc.numLeaves == 0 ? 62 : Long.numberOfTrailingZeros(acc.numLeaves);
      int level = Math.min(alignment, 63 - Long.numberOfLeadingZeros(target - acc.numLeaves));
      acc = acc.appendSubtree(level, subtrees.get(used++));
    }
    if (used != subtrees.size()) {
      throw new AccumulatorProofException("more subtrees than " + numNewLeaves + " new leaves need");
    }
    return acc;
  }

  private InMemoryAccumulator appendSubtree(int level, HashValue root) {
    List<HashValue> roots = new ArrayList<>(frozen);
    HashValue current = root;
    int l = level;
    while ((numLeaves & (1L << l)) != 0) {
      current = hash(roots.remove(roots.size() - 1), current);
      l++;
    }
    roots.add(current);
    return new InMemoryAccumulator(salt, roots, numLeaves + (1L << level));
  }

  /** The root: frozen subtrees combined from the right, padded with placeholders where empty. */
  public HashValue rootHash() {
    if (numLeaves == 0) {
      return PLACEHOLDER;
    }
    int lowest = Long.numberOfTrailingZeros(numLeaves);
    int rootLevel = numLeaves == 1 ? 0 : 64 - Long.numberOfLeadingZeros(numLeaves - 1);
    int next = frozen.size() - 1;
    HashValue current = frozen.get(next--);
    for (int level = lowest; level < rootLevel; level++) {
      if (level > lowest && (numLeaves & (1L << level)) != 0) {
        current = hash(frozen.get(next--), current);
      } else {
        current = hash(current, PLACEHOLDER);
      }
    }
    return current;
  }

  HashValue hash(HashValue left, HashValue right) {
    return Sha3.hash(salt, left.toBytes(), right.toBytes());
  }

  private static byte[] salt(String name) {
    return Sha3.hash(("DIEM::" + name).getBytes(StandardCharsets.UTF_8)).toBytes();
  }

  private static HashValue placeholder() {
    byte[] b = new byte[HashValue.LENGTH];
    byte[] w = "ACCUMULATOR_PLACEHOLDER_HASH".getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(w, 0, b, 0, w.length);
    return HashValue.wrap(b);
  }

  static HashValue placeholderHash() {
    return PLACEHOLDER;
  }
}
