package io.astraea.ledger.jmt;

import io.astraea.crypto.HashValue;
import io.astraea.crypto.Sha3;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * Checks a {@link SparseMerkleProof} against a trusted root hash. This is what a client runs, so
 * it is written independently of the tree writer: it derives its own domain-separation salts and
 * placeholder and hashes with the bare SHA3 primitive, so that a bug in the writer's hashing cannot
 * be mirrored here and cancel out.
 */
public final class SparseMerkleProofVerifier {
  private static final byte[] INTERNAL_SALT = salt("SparseMerkleInternal");
  private static final byte[] LEAF_SALT = salt("SparseMerkleLeafNode");
  private static final byte[] VALUE_SALT = salt("AccountStateBlob");
  private static final HashValue EMPTY_SUBTREE = emptySubtree();
  private static final int KEY_BITS = 256;

  private SparseMerkleProofVerifier() {}

  /**
   * Verifies that under {@code root}, {@code key} maps to {@code value} (membership) or to nothing
   * when {@code value} is empty (non-membership).
   */
  public static void verify(HashValue root, HashValue key, Optional<byte[]> value, SparseMerkleProof proof)
      throws ProofException {
    verifyByHash(root, key, value.map(v -> Sha3.hash(VALUE_SALT, v)), proof);
  }

  /** As {@link #verify}, given the value's hash instead of the value. */
  public static void verifyByHash(
      HashValue root, HashValue key, Optional<HashValue> valueHash, SparseMerkleProof proof)
      throws ProofException {
    List<HashValue> siblings = proof.siblings();
    if (siblings.size() > KEY_BITS) {
      throw new ProofException("proof has " + siblings.size() + " siblings, more than " + KEY_BITS);
    }
    Optional<SparseMerkleLeafNode> leaf = proof.leaf();
    if (valueHash.isPresent()) {
      if (leaf.isEmpty()) {
        throw new ProofException("membership claimed but the proof ends in an empty subtree");
      }
      if (!leaf.get().key().equals(key)) {
        throw new ProofException("membership claimed but the proof's leaf holds another key");
      }
      if (!leaf.get().valueHash().equals(valueHash.get())) {
        throw new ProofException("the proof's leaf holds a different value");
      }
    } else if (leaf.isPresent()) {
      if (leaf.get().key().equals(key)) {
        throw new ProofException("non-membership claimed but the proof's leaf holds the key");
      }
      if (commonPrefixBits(key, leaf.get().key()) < siblings.size()) {
        throw new ProofException("the proof's leaf is not on the key's path");
      }
    }
    HashValue current =
        leaf.map(l -> Sha3.hash(LEAF_SALT, l.key().toBytes(), l.valueHash().toBytes()))
            .orElse(EMPTY_SUBTREE);
    for (int i = 0; i < siblings.size(); i++) {
      int depth = siblings.size() - 1 - i;
      byte[] sibling = siblings.get(i).toBytes();
      current = key.bit(depth)
          ? Sha3.hash(INTERNAL_SALT, sibling, current.toBytes())
          : Sha3.hash(INTERNAL_SALT, current.toBytes(), sibling);
    }
    if (!current.equals(root)) {
      throw new ProofException("root mismatch: proof gives " + current + ", expected " + root);
    }
  }

  private static int commonPrefixBits(HashValue a, HashValue b) {
    int n = 0;
    while (n < KEY_BITS && a.bit(n) == b.bit(n)) {
      n++;
    }
    return n;
  }

  private static byte[] salt(String typeName) {
    return Sha3.hash(("DIEM::" + typeName).getBytes(StandardCharsets.UTF_8)).toBytes();
  }

  private static HashValue emptySubtree() {
    byte[] b = new byte[HashValue.LENGTH];
    byte[] name = "SPARSE_MERKLE_PLACEHOLDER_HASH".getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(name, 0, b, 0, name.length);
    return HashValue.wrap(b);
  }
}
