package io.astraea.ledger.accumulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.astraea.crypto.HashValue;
import io.astraea.crypto.Sha3;
import io.astraea.crypto.bcs.BcsEncodable;
import io.astraea.crypto.bcs.BcsException;
import io.astraea.crypto.bcs.BcsReader;
import io.astraea.crypto.bcs.BcsDecoder;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class MerkleAccumulatorPropertyTest {

  /** Appending in random chunks gives, at every size, the naively recomputed root. */
  @Property(tries = 40)
  void rootsMatchNaiveRecomputation(@ForAll long seed, @ForAll @IntRange(min = 0, max = 400) int total) throws Exception {
    Random rnd = new Random(seed);
    InMemoryAccumulatorStore store = new InMemoryAccumulatorStore();
    MerkleAccumulator acc = new MerkleAccumulator(store);
    InMemoryAccumulator summary = InMemoryAccumulator.transactions();
    List<HashValue> leaves = new ArrayList<>();
    List<Long> sizes = new ArrayList<>(List.of(0L));
    while (leaves.size() < total) {
      List<HashValue> chunk = randomLeaves(rnd, Math.min(total - leaves.size(), 1 + rnd.nextInt(20)));
      AccumulatorAppend a = acc.append(leaves.size(), chunk);
      store.write(a);
      leaves.addAll(chunk);
      summary = summary.append(chunk);
      sizes.add((long) leaves.size());
      assertEquals(NaiveAccumulator.root(leaves), a.rootHash());
      assertEquals(a.rootHash(), summary.rootHash());
    }
    for (long n : sizes) {
      assertEquals(NaiveAccumulator.root(leaves.subList(0, (int) n)), acc.rootHash(n));
    }
    assertEquals(Long.bitCount(total), acc.frozenSubtreeRoots(total).size());
    assertEquals(summary.frozenSubtreeRoots(), acc.frozenSubtreeRoots(total));
  }

  /** Inclusion, range and consistency proofs verify for every leaf, random ranges and sizes. */
  @Property(tries = 30)
  void proofsVerify(@ForAll long seed, @ForAll @IntRange(min = 1, max = 300) int total) throws Exception {
    Random rnd = new Random(seed);
    InMemoryAccumulatorStore store = new InMemoryAccumulatorStore();
    MerkleAccumulator acc = new MerkleAccumulator(store);
    List<HashValue> leaves = randomLeaves(rnd, total);
    store.write(acc.append(0, leaves));
    long n = 1 + rnd.nextInt(total);
    HashValue root = acc.rootHash(n);
    for (int i = 0; i < n; i++) {
      AccumulatorVerifier.verifyInclusion(root, leaves.get(i), i, acc.getProof(n, i));
    }
    for (int k = 0; k < 20; k++) {
      long first = rnd.nextInt((int) n);
      long count = 1 + rnd.nextInt((int) (n - first));
      AccumulatorRangeProof p = acc.getRangeProof(n, first, count);
      AccumulatorVerifier.verifyRange(root, first, leaves.subList((int) first, (int) (first + count)), p);
    }
    long m = rnd.nextInt((int) n + 1);
    InMemoryAccumulator old = InMemoryAccumulator.transactions(acc.frozenSubtreeRoots(m), m);
    assertEquals(acc.rootHash(m), old.rootHash());
    InMemoryAccumulator extended =
        AccumulatorVerifier.verifyConsistency(old, n, root, acc.getConsistencyProof(m, n));
    assertEquals(root, extended.rootHash());
  }

  /** Any changed byte of an encoded proof, or a wrong leaf, index or root, fails verification. */
  @Property(tries = 15)
  void tamperedProofsFail(@ForAll long seed, @ForAll @IntRange(min = 2, max = 200) int total) throws Exception {
    Random rnd = new Random(seed);
    InMemoryAccumulatorStore store = new InMemoryAccumulatorStore();
    MerkleAccumulator acc = new MerkleAccumulator(store);
    List<HashValue> leaves = randomLeaves(rnd, total);
    store.write(acc.append(0, leaves));
    HashValue root = acc.rootHash(total);
    int i = rnd.nextInt(total);
    AccumulatorProof proof = acc.getProof(total, i);
    eachByteChanged(rnd, proof, AccumulatorProof::decode,
        p -> AccumulatorVerifier.verifyInclusion(root, leaves.get(i), i, p));
    assertThrows(AccumulatorProofException.class,
        () -> AccumulatorVerifier.verifyInclusion(root, leaves.get(i), i ^ 1, proof));
    assertThrows(AccumulatorProofException.class,
        () -> AccumulatorVerifier.verifyInclusion(root, leaves.get((i + 1) % total), i, proof));

    int first = rnd.nextInt(total - 1);
    int count = 2 + rnd.nextInt(total - first - 1);
    List<HashValue> range = leaves.subList(first, first + count);
    AccumulatorRangeProof rp = acc.getRangeProof(total, first, count);
    eachByteChanged(rnd, rp, AccumulatorRangeProof::decode,
        p -> AccumulatorVerifier.verifyRange(root, first, range, p));
    List<HashValue> swapped = new ArrayList<>(range);
    swapped.set(0, range.get(1));
    swapped.set(1, range.get(0));
    assertThrows(AccumulatorProofException.class, () -> AccumulatorVerifier.verifyRange(root, first, swapped, rp));
    assertThrows(AccumulatorProofException.class,
        () -> AccumulatorVerifier.verifyRange(root, first, range.subList(0, count - 1), rp));

    int m = rnd.nextInt(total);
    InMemoryAccumulator old = InMemoryAccumulator.transactions(acc.frozenSubtreeRoots(m), m);
    AccumulatorConsistencyProof cp = acc.getConsistencyProof(m, total);
    eachByteChanged(rnd, cp, AccumulatorConsistencyProof::decode,
        p -> AccumulatorVerifier.verifyConsistency(old, total, root, p));
    assertThrows(AccumulatorProofException.class,
        () -> AccumulatorVerifier.verifyConsistency(old, total + 1, root, cp));
  }

  @Test
  void badRequestsAreTyped() throws Exception {
    InMemoryAccumulatorStore store = new InMemoryAccumulatorStore();
    MerkleAccumulator acc = new MerkleAccumulator(store);
    store.write(acc.append(0, randomLeaves(new Random(1), 5)));
    assertEquals(AccumulatorException.Kind.INVALID_REQUEST,
        assertThrows(AccumulatorException.class, () -> acc.getProof(5, 5)).kind());
    assertEquals(AccumulatorException.Kind.INVALID_REQUEST,
        assertThrows(AccumulatorException.class, () -> acc.getRangeProof(5, 0, 0)).kind());
    assertEquals(AccumulatorException.Kind.INVALID_REQUEST,
        assertThrows(AccumulatorException.class, () -> acc.getConsistencyProof(5, 4)).kind());
    assertEquals(AccumulatorException.Kind.MISSING_NODE,
        assertThrows(AccumulatorException.class, () -> acc.rootHash(9)).kind());
    assertThrows(AccumulatorProofException.class,
        () -> InMemoryAccumulator.transactions(List.of(), 3));
    assertEquals(InMemoryAccumulator.eventRootHash(List.of()), NaiveAccumulator.root(List.of()));
  }

  @Test
  void positionsAreInOrder() {
    assertEquals(0, Position.leaf(0));
    assertEquals(2, Position.leaf(1));
    assertEquals(1, Position.of(1, 0));
    assertEquals(3, Position.of(2, 0));
    assertEquals(5, Position.of(1, 1));
    assertEquals(2, Position.level(Position.of(2, 7)));
    assertEquals(7, Position.index(Position.of(2, 7)));
    assertEquals(0, Position.rootLevel(1));
    assertEquals(2, Position.rootLevel(3));
    assertEquals(2, Position.rootLevel(4));
    assertEquals(3, Position.rootLevel(5));
  }

  interface Check<T> {
    void run(T proof) throws AccumulatorProofException;
  }

  private static <T extends BcsEncodable> void eachByteChanged(Random rnd, T proof, BcsDecoder<T> decoder, Check<T> check)
      throws AccumulatorProofException, BcsException {
    byte[] bytes = proof.toBcs();
    check.run(BcsReader.decode(bytes, decoder));
    for (int i = 0; i < bytes.length; i++) {
      byte[] bad = bytes.clone();
      bad[i] ^= (byte) (1 + rnd.nextInt(255));
      T tampered;
      try {
        tampered = BcsReader.decode(bad, decoder);
      } catch (BcsException e) {
        continue;
      }
      assertThrows(AccumulatorProofException.class, () -> check.run(tampered));
    }
  }

  private static List<HashValue> randomLeaves(Random rnd, int n) {
    List<HashValue> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      byte[] b = new byte[8];
      rnd.nextBytes(b);
      out.add(Sha3.hash(b));
    }
    return out;
  }
}
