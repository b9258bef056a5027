package io.astraea.node.ledger;

import io.astraea.ledger.storage.StorageException;

/**
 * A committed state read failed inside the executor, whose {@link io.astraea.ledger.state.StateView}
 * interface cannot throw checked exceptions. Carries the storage failure as its cause.
 */
public final class LedgerReadException extends RuntimeException {
  public LedgerReadException(StorageException cause) {
    super(cause.getMessage(), cause);
  }

  @Override
  public synchronized StorageException getCause() {
    return (StorageException) super.getCause();
  }
}
