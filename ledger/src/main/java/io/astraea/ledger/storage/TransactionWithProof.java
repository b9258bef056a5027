package io.astraea.ledger.storage;

import io.astraea.ledger.accumulator.AccumulatorProof;

/** A committed transaction with the proof of its info against the accumulator at a ledger version. */
public record TransactionWithProof(TransactionWithInfo transaction, AccumulatorProof proof) {}
