package io.astraea.ledger.genesis;

import io.astraea.crypto.HashValue;
import io.astraea.crypto.quorum.EpochState;
import io.astraea.ledger.execution.TransactionOutput;
import io.astraea.ledger.state.InMemoryState;
import io.astraea.ledger.types.Transaction;
import java.util.Objects;

/**
 * The genesis of a network: the transaction at version 0, its output (the state it writes and the
 * {@code NewEpochEvent} of epoch 1), and the first epoch's validators.
 */
public record Genesis(Transaction.GenesisTransaction transaction, TransactionOutput output, EpochState epochState) {
  public Genesis {
    Objects.requireNonNull(transaction, "transaction");
    Objects.requireNonNull(output, "output");
    Objects.requireNonNull(epochState, "epochState");
  }

  /** {@code DIEM::Transaction} hash of the genesis transaction: identifies the network. */
  public HashValue hash() {
    return transaction.hash();
  }

  /** A fresh in-memory state holding exactly what genesis writes. */
  public InMemoryState toState() {
    InMemoryState s = new InMemoryState();
    s.apply(output.writeSet());
    return s;
  }
}
