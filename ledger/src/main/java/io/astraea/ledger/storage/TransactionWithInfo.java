package io.astraea.ledger.storage;

import io.astraea.ledger.types.ContractEvent;
import io.astraea.ledger.types.Transaction;
import io.astraea.ledger.types.TransactionInfo;
import java.util.List;

/** A committed transaction at {@code version}, with its info and (if asked for) its events. */
public record TransactionWithInfo(long version, Transaction transaction, TransactionInfo info, List<ContractEvent> events) {
  public TransactionWithInfo {
    events = List.copyOf(events);
  }
}
