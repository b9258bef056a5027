package io.astraea.ledger.storage;

import io.astraea.ledger.types.ContractEvent;
import io.astraea.ledger.types.Transaction;
import io.astraea.ledger.types.TransactionInfo;
import java.util.List;
import java.util.Objects;

/** One executed transaction as it is persisted: the transaction, its info and its events. */
public record TransactionToCommit(Transaction transaction, TransactionInfo info, List<ContractEvent> events) {
  public TransactionToCommit {
    Objects.requireNonNull(transaction, "transaction");
    Objects.requireNonNull(info, "info");
    events = List.copyOf(events);
  }
}
