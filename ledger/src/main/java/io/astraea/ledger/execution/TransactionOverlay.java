package io.astraea.ledger.execution;

import io.astraea.crypto.AccountAddress;
import io.astraea.ledger.state.AccountState;
import io.astraea.ledger.state.StateKeys;
import io.astraea.ledger.state.StateWriteSet;
import io.astraea.ledger.state.SystemState;
import io.astraea.ledger.types.ContractEvent;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The changes of one transaction on top of a {@link BlockState}: accounts and system state it
 * wrote and events it emitted. Dropped as a whole when a script aborts; {@link #commit()} folds
 * it into the block and encodes the write set in address order.
 */
final class TransactionOverlay {
  private final BlockState block;
  private final TreeMap<AccountAddress, AccountState> writes = new TreeMap<>();
  private final List<ContractEvent> events = new ArrayList<>();
  private SystemState system;
  private boolean systemWritten;

  TransactionOverlay(BlockState block) {
    this.block = block;
    this.system = block.system();
  }

  Optional<AccountState> account(AccountAddress address) {
    AccountState w = writes.get(address);
    return w != null ? Optional.of(w) : block.account(address);
  }

  void put(AccountAddress address, AccountState state) {
    writes.put(address, state);
  }

  SystemState system() {
    return system;
  }

  void putSystem(SystemState s) {
    system = s;
    systemWritten = true;
  }

  void emit(ContractEvent e) {
    events.add(e);
  }

  List<ContractEvent> events() {
    return Collections.unmodifiableList(events);
  }

  /** Applies this overlay to the block and returns its write set. */
  StateWriteSet commit() {
    TreeMap<AccountAddress, byte[]> encoded = new TreeMap<>();
    for (Map.Entry<AccountAddress, AccountState> e : writes.entrySet()) {
      encoded.put(e.getKey(), e.getValue().toBcs());
    }
    if (systemWritten) {
      encoded.put(StateKeys.SYSTEM, system.toBcs());
    }
    block.commit(writes, systemWritten ? system : null);
    return StateWriteSet.of(encoded);
  }
}
