package io.astraea.node.sync;

import io.astraea.consensus.Action;
import io.astraea.crypto.AccountAddress;
import io.astraea.ledger.storage.StorageException;
import io.astraea.node.ledger.CommitException;
import io.astraea.node.ledger.LedgerService;
import io.astraea.node.ledger.SpeculativeExecutor;
import java.util.List;
import java.util.function.Function;

/**
 * Carries out consensus' {@link Action.SyncTo}: the speculative states are dropped (the ledger
 * moves under them), the ledger state-syncs to the target from the validators that signed it (or
 * any peer the daemon names), and the recovery record is saved. Runs on the consensus thread.
 */
public final class StateSynchronizer {
  private final LedgerService ledger;
  private final SpeculativeExecutor executor;
  private final SyncClient client;
  private final Function<Action.SyncTo, List<AccountAddress>> peers;

  /**
   * @param peers which peers to ask for a given sync (e.g. the target's signers minus this node)
   */
  public StateSynchronizer(LedgerService ledger, SpeculativeExecutor executor, SyncClient client,
      Function<Action.SyncTo, List<AccountAddress>> peers) {
    this.ledger = ledger;
    this.executor = executor;
    this.client = client;
    this.peers = peers;
  }

  public void syncTo(Action.SyncTo action) throws SyncException, StorageException, CommitException {
    executor.awaitWrites(); // sync continues the ledger from where the commits in flight leave it
    if (executor.commitExecuted(action.target(), action.recovery()).isPresent()) {
      executor.awaitWrites(); // this node executed everything the target certifies: no peer needed
      return;
    }
    executor.retainExtending(action.target().ledgerInfo().commitInfo());
    client.syncTo(action.target(), peers.apply(action));
    ledger.saveRecoveryData(action.recovery());
  }
}
