package io.astraea.ledger.execution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.astraea.crypto.HashValue;
import io.astraea.ledger.state.InMemoryState;
import io.astraea.ledger.state.StateKeys;
import io.astraea.ledger.types.BlockMetadata;
import io.astraea.ledger.types.KeptVmStatus;
import io.astraea.ledger.types.Transaction;
import io.astraea.ledger.types.TransactionStatus;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The block prologue: clock, proposer, height and the NewBlockEvent; blocks that cannot run. */
class BlockMetadataTest {
  private final TestLedger ledger = new TestLedger();
  private final BlockExecutor executor = ledger.executor();

  private BlockMetadata meta(long time, io.astraea.crypto.AccountAddress proposer) {
    return new BlockMetadata(HashValue.ZERO, 9, time, List.of(Keys.address(ledger.validator1)), proposer);
  }

  @Test
  void advancesTheClockAndHeightAndEmitsNewBlockEvent() throws Exception {
    long t = TestLedger.START_USECS + 5;
    BlockOutput out = executor.executeBlock(ledger.state, meta(t, Keys.address(ledger.validator1)), List.of());
    TransactionOutput m = out.outputs().get(0);
    assertEquals(TransactionStatus.keep(KeptVmStatus.EXECUTED), m.status());
    assertEquals("0x1::DiemBlock::NewBlockEvent", m.events().get(0).typeTag().toString());
    assertEquals(List.of(StateKeys.SYSTEM), List.copyOf(m.writeSet().byAddress().keySet()));
    ledger.state.apply(m.writeSet());
    assertEquals(t, ledger.system().timestampUsecs());
    assertEquals(1, ledger.system().blockHeight());
    assertEquals(1, ledger.system().newBlockEvents().counter());
  }

  @Test
  void nilBlocksKeepTheClock() throws Exception {
    BlockOutput out = executor.executeBlock(ledger.state, meta(TestLedger.START_USECS, StateKeys.NIL_PROPOSER), List.of());
    assertEquals(TransactionStatus.keep(KeptVmStatus.EXECUTED), out.outputs().get(0).status());
    ExecutionException e = assertThrows(ExecutionException.class,
        () -> executor.executeBlock(ledger.state, meta(TestLedger.START_USECS + 1, StateKeys.NIL_PROPOSER), List.of()));
    assertEquals(ExecutionException.Kind.INVALID_BLOCK_METADATA, e.kind());
  }

  @Test
  void invalidMetadataIsRefused() {
    ExecutionException stale = assertThrows(ExecutionException.class,
        () -> executor.executeBlock(ledger.state, meta(TestLedger.START_USECS, Keys.address(ledger.validator0)), List.of()));
    assertEquals(ExecutionException.Kind.INVALID_BLOCK_METADATA, stale.kind());
    ExecutionException stranger = assertThrows(ExecutionException.class,
        () -> executor.executeBlock(ledger.state, meta(TestLedger.START_USECS + 1, ledger.user(0)), List.of()));
    assertEquals(ExecutionException.Kind.INVALID_BLOCK_METADATA, stranger.kind());
  }

  @Test
  void stateWithoutGenesisOrCorruptSystemState() {
    ExecutionException none = assertThrows(ExecutionException.class,
        () -> executor.executeBlock(new InMemoryState(), meta(1, StateKeys.NIL_PROPOSER), List.of()));
    assertEquals(ExecutionException.Kind.MISSING_SYSTEM_STATE, none.kind());
    ledger.state.put(StateKeys.accountKey(StateKeys.SYSTEM), new byte[] {7});
    ExecutionException corrupt = assertThrows(ExecutionException.class,
        () -> executor.executeBlock(ledger.state, meta(1, StateKeys.NIL_PROPOSER), List.of()));
    assertEquals(ExecutionException.Kind.CORRUPT_SYSTEM_STATE, corrupt.kind());
  }

  @Test
  void replayingLedgerTransactionsMatchesBlockExecution() throws Exception {
    BlockMetadata m = meta(TestLedger.START_USECS + 10, Keys.address(ledger.validator0));
    var pay = ledger.txn(ledger.user(0), Payloads.p2p("XUS", ledger.user(1), 5));
    BlockOutput viaBlock = executor.executeBlock(ledger.state, m, List.of(pay));
    BlockOutput viaList = executor.executeTransactions(ledger.state,
        List.of(new Transaction.BlockMetadataTransaction(m), new Transaction.UserTransaction(pay)));
    assertEquals(viaBlock, viaList);
    ExecutionException e = assertThrows(ExecutionException.class,
        () -> executor.executeTransactions(ledger.state, List.of(ledger.genesis.transaction())));
    assertEquals(ExecutionException.Kind.UNEXPECTED_TRANSACTION, e.kind());
  }
}
