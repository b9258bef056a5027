package io.astraea.ledger.storage;

import io.astraea.ledger.accumulator.AccumulatorProof;
import io.astraea.ledger.jmt.SparseMerkleProof;
import io.astraea.ledger.types.TransactionInfo;
import java.util.Optional;

/**
 * An account's state blob at {@code version} (empty if the account does not exist then), proved
 * to a client in two steps, as in Diem: the sparse Merkle proof against the state root in the
 * {@code TransactionInfo} at {@code version}, and the accumulator proof of that info against the
 * root at {@code ledgerVersion}.
 */
public record AccountStateWithProof(
    long version,
    long ledgerVersion,
    Optional<byte[]> blob,
    SparseMerkleProof stateProof,
    TransactionInfo transactionInfo,
    AccumulatorProof transactionInfoProof) {}
