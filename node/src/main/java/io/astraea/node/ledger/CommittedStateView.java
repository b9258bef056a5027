package io.astraea.node.ledger;

import io.astraea.crypto.HashValue;
import io.astraea.ledger.state.StateView;
import io.astraea.ledger.storage.LedgerStore;
import io.astraea.ledger.storage.StorageException;
import java.util.Optional;

/** The committed state at one version of a {@link LedgerStore}, as the executor reads it. */
public final class CommittedStateView implements StateView {
  private final LedgerStore store;
  private final long version;

  public CommittedStateView(LedgerStore store, long version) {
    this.store = store;
    this.version = version;
  }

  public long version() {
    return version;
  }

  @Override
  public Optional<byte[]> get(HashValue key) {
    try {
      return store.stateValue(key, version);
    } catch (StorageException e) {
      throw new LedgerReadException(e);
    }
  }
}
