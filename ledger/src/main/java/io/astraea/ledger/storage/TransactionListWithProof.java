package io.astraea.ledger.storage;

import io.astraea.ledger.accumulator.AccumulatorRangeProof;
import java.util.List;
import java.util.Optional;

/**
 * Consecutive committed transactions with a range proof of their infos against the accumulator at
 * the ledger version asked for (absent when the list is empty).
 */
public record TransactionListWithProof(
    List<TransactionWithInfo> transactions, Optional<AccumulatorRangeProof> proof) {
  public TransactionListWithProof {
    transactions = List.copyOf(transactions);
  }
}
