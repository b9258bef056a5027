/**
 * The Jellyfish Merkle tree: a 16-ary, versioned encoding of the 256-bit sparse Merkle tree over
 * account state.
 *
 * <p>Every node is stored under a {@link io.astraea.ledger.jmt.NodeKey} (version plus nibble path)
 * and is never modified in place: an update writes new nodes at the new version and records the
 * nodes it replaced in the stale-node index, so every retained version stays readable and the
 * {@link io.astraea.ledger.jmt.StaleNodePruner} can later delete what no retained version uses.
 *
 * <p>The root hash is by construction the root of Diem's sparse Merkle tree over the same leaves:
 * an empty subtree hashes to {@link io.astraea.ledger.jmt.JmtHashing#PLACEHOLDER}, a subtree with
 * exactly one leaf hashes to that leaf's hash, and any other subtree to
 * {@code SparseMerkleInternal(left, right)}. Proofs are checked by {@link
 * io.astraea.ledger.jmt.SparseMerkleProofVerifier}, which deliberately shares no code with the
 * writer.
 */
package io.astraea.ledger.jmt;
