package io.astraea.ledger.jmt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.astraea.crypto.HashValue;
import io.astraea.crypto.bcs.BcsException;
import io.astraea.crypto.bcs.BcsReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** Any single changed byte of an encoded proof, or a wrong claim, makes verification fail. */
class SparseMerkleProofTamperTest {
  private static final int EXHAUSTIVE_BYTES = 400;
  private static final int SAMPLED_BYTES = 200;

  /**
   * Every byte of membership and non-membership proofs. Keys come from {@link KeyGen}, so some
   * proofs run hundreds of levels deep; for those, every byte of the leaf and of the deepest and
   * shallowest siblings is changed, and a random sample of the rest, to bound the run time.
   */
  @Property(tries = 10)
  void anyChangedByteBreaksTheProof(@ForAll long seed, @ForAll @IntRange(min = 1, max = 200) int keyCount)
      throws JmtException, ProofException, BcsException {
    Random rnd = new Random(seed);
    InMemoryTreeStore store = new InMemoryTreeStore();
    JellyfishMerkleTree tree = new JellyfishMerkleTree(store);
    List<HashValue> keys = new ArrayList<>();
    Map<HashValue, byte[]> state = JellyfishMerkleTreePropertyTest.randomSet(rnd, keys, keyCount);
    store.writeBatch(tree.putValueSet(state, 0));
    HashValue root = tree.rootHash(0);

    HashValue present = keys.get(rnd.nextInt(keys.size()));
    HashValue absent = KeyGen.next(rnd, keys);
    for (HashValue key : List.of(present, absent)) {
      Optional<byte[]> claim = Optional.ofNullable(state.get(key));
      SparseMerkleProof proof = tree.getWithProof(key, 0).proof();
      byte[] bytes = proof.toBcs();
      SparseMerkleProof decoded = BcsReader.decode(bytes, SparseMerkleProof::decode);
      assertEquals(proof, decoded);
      SparseMerkleProofVerifier.verify(root, key, claim, decoded);
      for (int i = 0; i < bytes.length; i++) {
        boolean edge = i < EXHAUSTIVE_BYTES || i >= bytes.length - EXHAUSTIVE_BYTES;
        if (!edge && rnd.nextInt(bytes.length) >= SAMPLED_BYTES) {
          continue;
        }
        byte[] bad = bytes.clone();
        bad[i] ^= (byte) (1 + rnd.nextInt(255));
        assertRejected(root, key, claim, bad);
      }
    }
  }

  @Property(tries = 15)
  void wrongClaimsFail(@ForAll long seed, @ForAll @IntRange(min = 1, max = 100) int keyCount)
      throws JmtException {
    Random rnd = new Random(seed);
    InMemoryTreeStore store = new InMemoryTreeStore();
    JellyfishMerkleTree tree = new JellyfishMerkleTree(store);
    List<HashValue> keys = new ArrayList<>();
    Map<HashValue, byte[]> state = JellyfishMerkleTreePropertyTest.randomSet(rnd, keys, keyCount);
    store.writeBatch(tree.putValueSet(state, 0));
    HashValue root = tree.rootHash(0);
    HashValue present = keys.get(rnd.nextInt(keys.size()));
    SparseMerkleProof membership = tree.getWithProof(present, 0).proof();
    byte[] other = KeyGen.value(rnd);
    other[0] ^= 1;

    assertThrows(ProofException.class,
        () -> SparseMerkleProofVerifier.verify(root, present, Optional.of(other), membership));
    assertThrows(ProofException.class,
        () -> SparseMerkleProofVerifier.verify(root, present, Optional.empty(), membership));
    HashValue otherRoot = KeyGen.next(rnd, List.of());
    assertThrows(ProofException.class,
        () -> SparseMerkleProofVerifier.verify(otherRoot, present, Optional.of(state.get(present)), membership));

    HashValue absent = KeyGen.next(rnd, keys);
    if (!state.containsKey(absent)) {
      SparseMerkleProof nonMembership = tree.getWithProof(absent, 0).proof();
      assertThrows(ProofException.class,
          () -> SparseMerkleProofVerifier.verify(root, absent, Optional.of(other), nonMembership));
      // a proof for one key never proves another key's absence unless it lies on that key's path
      if (!membership.leaf().isEmpty()) {
        assertThrows(ProofException.class,
            () -> SparseMerkleProofVerifier.verify(root, absent, Optional.empty(), withSiblings(membership, 257)));
      }
    }
  }

  private static SparseMerkleProof withSiblings(SparseMerkleProof p, int n) {
    List<HashValue> s = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      s.add(ReferenceSparseMerkleTree.PLACEHOLDER);
    }
    return new SparseMerkleProof(p.leaf(), s);
  }

  private static void assertRejected(HashValue root, HashValue key, Optional<byte[]> claim, byte[] bytes) {
    SparseMerkleProof tampered;
    try {
      tampered = BcsReader.decode(bytes, SparseMerkleProof::decode);
    } catch (BcsException e) {
      return;
    }
    assertThrows(ProofException.class, () -> SparseMerkleProofVerifier.verify(root, key, claim, tampered));
  }
}
