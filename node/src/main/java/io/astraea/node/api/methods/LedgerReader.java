package io.astraea.node.api.methods;

import io.astraea.crypto.AccountAddress;
import io.astraea.crypto.bcs.BcsException;
import io.astraea.ledger.state.AccountState;
import io.astraea.ledger.state.StateKeys;
import io.astraea.ledger.state.SystemState;
import io.astraea.ledger.storage.LedgerStore;
import io.astraea.ledger.storage.StorageException;
import java.util.Optional;

/**
 * Decoded reads of committed state for the client API and the faucet: accounts and the system
 * resources at a version. A blob that does not decode is reported as corrupt storage, never as a
 * missing account.
 */
public final class LedgerReader {
  private final LedgerStore store;

  public LedgerReader(LedgerStore store) {
    this.store = store;
  }

  public LedgerStore store() {
    return store;
  }

  /** The last committed version, or -1 before genesis is committed. */
  public long latestVersion() {
    return store.latestVersion();
  }

  /** The account at {@code address} after {@code version}, if it exists then. */
  public Optional<AccountState> account(AccountAddress address, long version) throws StorageException {
    Optional<byte[]> blob = store.stateValue(StateKeys.accountKey(address), version);
    if (blob.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(AccountState.fromBcs(blob.get()));
    } catch (BcsException e) {
      throw new StorageException(
          StorageException.Kind.CORRUPT, "account " + address + " at " + version + " does not decode", e);
    }
  }

  /** The account at the latest version, if any version is committed and it exists. */
  public Optional<AccountState> latestAccount(AccountAddress address) throws StorageException {
    long v = latestVersion();
    return v < 0 ? Optional.empty() : account(address, v);
  }

  /** The system resources after {@code version}. */
  public SystemState system(long version) throws StorageException {
    Optional<byte[]> blob = store.stateValue(StateKeys.accountKey(StateKeys.SYSTEM), version);
    if (blob.isEmpty()) {
      throw new StorageException(StorageException.Kind.CORRUPT, "no system state at version " + version);
    }
    try {
      return SystemState.fromBcs(blob.get());
    } catch (BcsException e) {
      throw new StorageException(StorageException.Kind.CORRUPT, "system state at " + version + " does not decode", e);
    }
  }
}
