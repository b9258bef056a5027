package io.astraea.ledger.execution;

import io.astraea.ledger.state.StateWriteSet;
import io.astraea.ledger.types.ContractEvent;
import io.astraea.ledger.types.StatusCode;
import io.astraea.ledger.types.TransactionStatus;
import java.util.List;
import java.util.Objects;

/**
 * The effect of one transaction: the account blobs it wrote, the events it emitted, the gas it
 * used, and whether it is kept in the ledger. A discarded transaction has an empty write set, no
 * events and no gas.
 */
public record TransactionOutput(
    StateWriteSet writeSet, List<ContractEvent> events, long gasUsed, TransactionStatus status) {
  public TransactionOutput {
    Objects.requireNonNull(writeSet, "writeSet");
    Objects.requireNonNull(status, "status");
    events = List.copyOf(events);
  }

  static TransactionOutput discard(StatusCode code) {
    return new TransactionOutput(StateWriteSet.EMPTY, List.of(), 0, TransactionStatus.discard(code));
  }

  public boolean isDiscarded() {
    return status.isDiscarded();
  }
}
