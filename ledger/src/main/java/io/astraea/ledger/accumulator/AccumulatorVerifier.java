package io.astraea.ledger.accumulator;

import io.astraea.crypto.HashValue;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Checks transaction (and event) accumulator proofs against a trusted root, as a client does. Shares no code
 * with {@link MerkleAccumulator}: it recomputes the root from the proof with {@link
 * InMemoryAccumulator}'s hashing.
 */
public final class AccumulatorVerifier {
  /** No accumulator this side of 2^63 leaves is deeper. */
  private static final int MAX_SIBLINGS = 63;

  private static final InMemoryAccumulator HASHER = InMemoryAccumulator.transactions();
  private static final InMemoryAccumulator EVENT_HASHER = InMemoryAccumulator.events();

  private AccumulatorVerifier() {}

  /** Verifies that {@code leafHash} is leaf {@code leafIndex} of the accumulator with {@code root}. */
  public static void verifyInclusion(HashValue root, HashValue leafHash, long leafIndex, AccumulatorProof proof)
      throws AccumulatorProofException {
    verifyInclusion(HASHER, root, leafHash, leafIndex, proof);
  }

  /**
   * Verifies that {@code eventHash} is event {@code eventIndex} of the transaction whose event root
   * (from its {@code TransactionInfo}) is {@code eventRoot}.
   */
  public static void verifyEventInclusion(
      HashValue eventRoot, HashValue eventHash, long eventIndex, AccumulatorProof proof)
      throws AccumulatorProofException {
    verifyInclusion(EVENT_HASHER, eventRoot, eventHash, eventIndex, proof);
  }

  private static void verifyInclusion(
      InMemoryAccumulator hasher, HashValue root, HashValue leafHash, long leafIndex, AccumulatorProof proof)
      throws AccumulatorProofException {
    List<HashValue> siblings = proof.siblings();
    if (siblings.size() > MAX_SIBLINGS) {
      throw new AccumulatorProofException("proof has " + siblings.size() + " siblings");
    }
    if (leafIndex < 0 || (siblings.size() < 63 && (leafIndex >>> siblings.size()) != 0)) {
      throw new AccumulatorProofException("leaf index " + leafIndex + " beyond a tree of depth " + siblings.size());
    }
    HashValue current = leafHash;
    for (int level = 0; level < siblings.size(); level++) {
      current = ((leafIndex >>> level) & 1) == 1
          ? hasher.hash(siblings.get(level), current)
          : hasher.hash(current, siblings.get(level));
    }
    if (!current.equals(root)) {
      throw new AccumulatorProofException("root mismatch: proof gives " + current + ", expected " + root);
    }
  }

  /** Verifies that {@code leafHashes} are the leaves from {@code firstLeafIndex} on under {@code root}. */
  public static void verifyRange(
      HashValue root, long firstLeafIndex, List<HashValue> leafHashes, AccumulatorRangeProof proof)
      throws AccumulatorProofException {
    if (leafHashes.isEmpty()) {
      throw new AccumulatorProofException("a range proof needs at least one leaf");
    }
    if (firstLeafIndex < 0 || firstLeafIndex > Long.MAX_VALUE - leafHashes.size()) {
      throw new AccumulatorProofException("bad first leaf index " + firstLeafIndex);
    }
    if (proof.leftSiblings().size() > MAX_SIBLINGS || proof.rightSiblings().size() > MAX_SIBLINGS) {
      throw new AccumulatorProofException("range proof too long");
    }
    Iterator<HashValue> left = proof.leftSiblings().iterator();
    Iterator<HashValue> right = proof.rightSiblings().iterator();
    ArrayDeque<HashValue> level = new ArrayDeque<>(leafHashes);
    long first = firstLeafIndex;
    int depth = 0;
    while (level.size() > 1 || left.hasNext() || right.hasNext()) {
      if (++depth > MAX_SIBLINGS) {
        throw new AccumulatorProofException("range proof deeper than any accumulator");
      }
      if ((first & 1) == 1) {
        level.addFirst(next(left, "left"));
      }
      if (level.size() % 2 == 1) {
        level.addLast(next(right, "right"));
      }
      List<HashValue> parents = new ArrayList<>(level.size() / 2);
      while (!level.isEmpty()) {
        HashValue l = level.pollFirst();
        parents.add(HASHER.hash(l, level.pollFirst()));
      }
      level.addAll(parents);
      first >>>= 1;
    }
    HashValue computed = level.getFirst();
    if (!computed.equals(root)) {
      throw new AccumulatorProofException("root mismatch: proof gives " + computed + ", expected " + root);
    }
  }

  /**
   * Verifies that the accumulator with {@code newRoot} and {@code newNumLeaves} extends {@code
   * old} (whose root the caller already trusts); returns the extended summary.
   */
  public static InMemoryAccumulator verifyConsistency(
      InMemoryAccumulator old, long newNumLeaves, HashValue newRoot, AccumulatorConsistencyProof proof)
      throws AccumulatorProofException {
    if (newNumLeaves < old.numLeaves()) {
      throw new AccumulatorProofException("the new accumulator is smaller than the old one");
    }
    InMemoryAccumulator extended = old.appendSubtrees(proof.subtrees(), newNumLeaves - old.numLeaves());
    if (!extended.rootHash().equals(newRoot)) {
      throw new AccumulatorProofException("extended root does not match the new root");
    }
    return extended;
  }

  private static HashValue next(Iterator<HashValue> it, String side) throws AccumulatorProofException {
    if (!it.hasNext()) {
      throw new AccumulatorProofException("range proof is missing a " + side + " sibling");
    }
    return it.next();
  }
}
