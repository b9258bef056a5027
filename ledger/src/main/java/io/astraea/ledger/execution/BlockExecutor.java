package io.astraea.ledger.execution;

import io.astraea.crypto.quorum.EpochState;
import io.astraea.ledger.state.EventHandle;
import io.astraea.ledger.state.StateKeys;
import io.astraea.ledger.state.StateView;
import io.astraea.ledger.state.SystemState;
import io.astraea.ledger.state.U64;
import io.astraea.ledger.types.BlockMetadata;
import io.astraea.ledger.types.ContractEvent;
import io.astraea.ledger.types.KeptVmStatus;
import io.astraea.ledger.types.SignedTransaction;
import io.astraea.ledger.types.StatusCode;
import io.astraea.ledger.types.Transaction;
import io.astraea.ledger.types.TransactionStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Astraea's deterministic executor: the same state view and the same transactions always give
 * byte-identical outputs. It reads no clock (only the block timestamp), uses no hash-map order
 * and no randomness, and turns every failing transaction into a status. What the node calls:
 *
 * <pre>
 *   BlockOutput out = executor.executeBlock(stateAtParent, metadata, userTransactions);
 *   // out.outputs(): metadata output first, then one per user transaction
 *   // out.nextEpochState(): present when the block changed the validator set
 * </pre>
 */
public final class BlockExecutor {
  private final UserTransactionExecutor users;

  public BlockExecutor(ExecutorConfig config) {
    this.users = new UserTransactionExecutor(config);
  }

  /** Executes a block: its metadata, then its user transactions, over {@code view}. */
  public BlockOutput executeBlock(StateView view, BlockMetadata metadata, List<SignedTransaction> txns)
      throws ExecutionException {
    BlockState block = new BlockState(view);
    long startEpoch = block.system().epoch();
    List<TransactionOutput> outputs = new ArrayList<>(txns.size() + 1);
    outputs.add(executeMetadata(block, metadata));
    for (SignedTransaction t : txns) {
      outputs.add(users.execute(block, t));
    }
    return new BlockOutput(outputs, nextEpoch(block, startEpoch));
  }

  /**
   * Executes a sequence of ledger transactions (block metadata and user transactions, possibly
   * spanning blocks), as state sync replays them. A genesis transaction is refused: genesis is
   * applied by {@link io.astraea.ledger.genesis.GenesisBuilder}.
   */
  public BlockOutput executeTransactions(StateView view, List<Transaction> txns) throws ExecutionException {
    BlockState block = new BlockState(view);
    long startEpoch = block.system().epoch();
    List<TransactionOutput> outputs = new ArrayList<>(txns.size());
    for (Transaction t : txns) {
      if (t instanceof Transaction.BlockMetadataTransaction m) {
        outputs.add(executeMetadata(block, m.metadata()));
      } else if (t instanceof Transaction.UserTransaction u) {
        outputs.add(users.execute(block, u.transaction()));
      } else {
        throw new ExecutionException(
            ExecutionException.Kind.UNEXPECTED_TRANSACTION, "a genesis transaction cannot be executed in a block");
      }
    }
    return new BlockOutput(outputs, nextEpoch(block, startEpoch));
  }

  /**
   * Runs only the prologue of {@code txn} over {@code view}, as a mempool validator does: the
   * status block execution would discard it with, or empty if a block would keep it (even if its
   * script would then abort: a kept transaction pays for its gas).
   */
  public Optional<StatusCode> validateTransaction(StateView view, SignedTransaction txn) throws ExecutionException {
    return users.validate(new BlockState(view), txn);
  }

  private static Optional<EpochState> nextEpoch(BlockState block, long startEpoch) {
    SystemState end = block.system();
    return end.epoch() == startEpoch ? Optional.empty() : Optional.of(end.epochState());
  }

  /**
   * Diem's block prologue: a NIL block (proposer {@code 0x0}) keeps the clock, any other block
   * must come from a current validator and advance it; the block height grows by one and a
   * {@code NewBlockEvent} is emitted.
   */
  private static TransactionOutput executeMetadata(BlockState block, BlockMetadata m)
      throws ExecutionException {
    SystemState s = block.system();
    long now = s.timestampUsecs();
    if (m.proposer().equals(StateKeys.NIL_PROPOSER)) {
      if (m.timestampUsecs() != now) {
        throw new ExecutionException(
            ExecutionException.Kind.INVALID_BLOCK_METADATA, "a NIL block must keep the timestamp");
      }
    } else {
      if (s.validatorSet().find(m.proposer()).isEmpty()) {
        throw new ExecutionException(
            ExecutionException.Kind.INVALID_BLOCK_METADATA, "proposer " + m.proposer() + " is not a validator");
      }
      if (!U64.lessThan(now, m.timestampUsecs())) {
        throw new ExecutionException(
            ExecutionException.Kind.INVALID_BLOCK_METADATA,
            "timestamp " + U64.toString(m.timestampUsecs()) + " does not advance past " + U64.toString(now));
      }
    }
    TransactionOverlay overlay = new TransactionOverlay(block);
    EventHandle h = s.newBlockEvents();
    ContractEvent event =
        Events.newBlock(h, m.round(), m.proposer(), m.previousBlockVotes(), m.timestampUsecs());
    overlay.emit(event);
    overlay.putSystem(s.withBlock(U64.add(s.blockHeight(), 1), m.timestampUsecs(), h.next()));
    List<ContractEvent> events = overlay.events();
    return new TransactionOutput(overlay.commit(), events, 0, TransactionStatus.keep(KeptVmStatus.EXECUTED));
  }
}
