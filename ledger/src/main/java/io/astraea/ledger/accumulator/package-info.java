/**
 * Diem's append-only Merkle accumulator over transaction infos.
 *
 * <p>Nodes are addressed by in-order {@link io.astraea.ledger.accumulator.Position}. Only frozen
 * nodes (whose every leaf exists) are stored; the root of an accumulator of {@code n} leaves is the
 * root of the smallest complete binary tree holding them, where a subtree with no leaf is Diem's
 * {@code ACCUMULATOR_PLACEHOLDER_HASH} and every other internal node hashes its children under the
 * {@code TransactionAccumulator} domain. {@link io.astraea.ledger.accumulator.MerkleAccumulator}
 * writes and proves; {@link io.astraea.ledger.accumulator.AccumulatorVerifier} and {@link
 * io.astraea.ledger.accumulator.InMemoryAccumulator} check, with hashing code of their own.
 */
package io.astraea.ledger.accumulator;
