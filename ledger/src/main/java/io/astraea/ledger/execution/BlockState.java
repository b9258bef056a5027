package io.astraea.ledger.execution;

import io.astraea.crypto.AccountAddress;
import io.astraea.crypto.bcs.BcsException;
import io.astraea.ledger.state.AccountState;
import io.astraea.ledger.state.StateKeys;
import io.astraea.ledger.state.StateView;
import io.astraea.ledger.state.SystemState;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The state as seen part-way through a block: the base view plus the effects of the transactions
 * executed so far, kept decoded. The account cache is a lookup table only and is never iterated,
 * so its order cannot leak into any output.
 */
final class BlockState {
  private final StateView base;
  private final Map<AccountAddress, Optional<AccountState>> accounts = new HashMap<>();
  private SystemState system;

  BlockState(StateView base) throws ExecutionException {
    this.base = base;
    Optional<byte[]> blob = base.getAccountBlob(StateKeys.SYSTEM);
    if (blob.isEmpty()) {
      throw new ExecutionException(
          ExecutionException.Kind.MISSING_SYSTEM_STATE, "no system state: genesis has not run");
    }
    try {
      this.system = SystemState.fromBcs(blob.get());
    } catch (BcsException | RuntimeException e) {
      throw new ExecutionException(
          ExecutionException.Kind.CORRUPT_SYSTEM_STATE, "system state does not decode: " + e.getMessage());
    }
  }

  SystemState system() {
    return system;
  }

  /** The account at {@code address}, or empty; throws {@link CorruptStateException}. */
  Optional<AccountState> account(AccountAddress address) {
    Optional<AccountState> cached = accounts.get(address);
    if (cached != null) {
      return cached;
    }
    Optional<byte[]> blob =
        StateKeys.SYSTEM.equals(address) ? Optional.empty() : base.getAccountBlob(address);
    Optional<AccountState> decoded;
    if (blob.isEmpty()) {
      decoded = Optional.empty();
    } else {
      try {
        decoded = Optional.of(AccountState.fromBcs(blob.get()));
      } catch (BcsException | RuntimeException e) {
        throw new CorruptStateException(address, e.getMessage());
      }
    }
    accounts.put(address, decoded);
    return decoded;
  }

  void commit(Map<AccountAddress, AccountState> writes, SystemState newSystem) {
    writes.forEach((a, s) -> accounts.put(a, Optional.of(s)));
    if (newSystem != null) {
      system = newSystem;
    }
  }
}
