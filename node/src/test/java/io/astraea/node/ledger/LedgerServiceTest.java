package io.astraea.node.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.astraea.consensus.RecoveryData;
import io.astraea.crypto.HashValue;
import io.astraea.crypto.quorum.LedgerInfoWithSignatures;
import io.astraea.ledger.genesis.GenesisBuilder;
import io.astraea.ledger.storage.StorageException;
import io.astraea.ledger.types.Transaction;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LedgerServiceTest {
  @TempDir Path dir;
  private final TestChain chain = new TestChain();

  @Test
  void freshDatabaseCommitsGenesisAndStartsEpochOne() throws Exception {
    HashValue expected = GenesisBuilder.build(chain.description()).hash();
    try (LedgerService ledger = LedgerService.open(dir, chain.description())) {
      assertEquals(0, ledger.latestVersion());
      assertEquals(expected, ledger.genesisHash());
      assertTrue(ledger.store().transaction(0, false).transaction() instanceof Transaction.GenesisTransaction);
      LedgerInfoWithSignatures li = ledger.latestLedgerInfo();
      assertEquals(0, li.ledgerInfo().epoch());
      assertEquals(0, li.ledgerInfo().version());
      assertEquals(ledger.store().accumulatorRoot(0), li.ledgerInfo().commitInfo().executedStateId());
      assertEquals(1, li.ledgerInfo().commitInfo().nextEpochState().orElseThrow().epoch());
      assertEquals(2, li.ledgerInfo().commitInfo().nextEpochState().orElseThrow().verifier().size());

      RecoveryData start = ledger.recoveryData();
      assertEquals(1, start.epochState().epoch());
      assertEquals(0, start.root().round());
      assertTrue(start.root().block().isGenesis());
      assertEquals(0, start.root().info().version());
      assertEquals(li.ledgerInfo().commitInfo().executedStateId(), start.root().info().executedStateId());
      assertEquals(1, ledger.currentEpochState().epoch());
    }
  }

  @Test
  void reopeningWithTheSameGenesisKeepsTheLedger() throws Exception {
    HashValue root;
    try (LedgerService ledger = LedgerService.open(dir, chain.description())) {
      root = ledger.store().accumulatorRoot(0);
    }
    try (LedgerService again = LedgerService.open(dir, chain.description())) {
      assertEquals(0, again.latestVersion());
      assertEquals(root, again.store().accumulatorRoot(0));
    }
  }

  @Test
  void anotherGenesisIsRefusedWithBothHashes() throws Exception {
    HashValue stored;
    try (LedgerService ledger = LedgerService.open(dir, chain.description())) {
      stored = ledger.genesisHash();
    }
    TestChain other = new TestChain(TestChain.CHAIN + 1);
    HashValue configured = GenesisBuilder.build(other.description()).hash();
    GenesisMismatchException e =
        assertThrows(GenesisMismatchException.class, () -> LedgerService.open(dir, other.description()));
    assertEquals(configured, e.configured());
    assertEquals(stored, e.stored());
    assertTrue(e.getMessage().contains(configured.toHex()), e.getMessage());
    assertTrue(e.getMessage().contains(stored.toHex()), e.getMessage());
    // the refused open released the database: the right genesis still opens
    try (LedgerService ledger = LedgerService.open(dir, chain.description())) {
      assertEquals(stored, ledger.genesisHash());
    }
  }

  @Test
  void aRecoveryRecordLeftInAFileByAnOlderVersionIsReadUntilTheDatabaseHasOne() throws Exception {
    try (LedgerService ledger = LedgerService.open(dir, chain.description())) {
      RecoveryData start = ledger.recoveryData();
      Path legacy = dir.resolve(RecoveryStore.LEGACY_FILE);
      Files.write(legacy, RecoveryCodec.encode(start));
      assertEquals(start.root().info(), ledger.recoveryData().root().info());
      Files.write(legacy, new byte[] {9, 9, 9});
      assertEquals(StorageException.Kind.CORRUPT, assertThrows(StorageException.class, ledger::recoveryData).kind());

      ledger.saveRecoveryData(start);
      assertFalse(Files.exists(legacy));
      assertTrue(ledger.store().consensus().recoveryRecord().isPresent());
      assertEquals(start.root().info(), ledger.recoveryData().root().info());
    }
  }

  @Test
  void recoveryDataRoundTripsAndADamagedRecordIsReported() throws Exception {
    try (LedgerService ledger = LedgerService.open(dir, chain.description())) {
      RecoveryData start = ledger.recoveryData();
      ledger.saveRecoveryData(start);
      RecoveryData loaded = ledger.recoveryData();
      assertEquals(start.root().id(), loaded.root().id());
      assertEquals(start.root().info(), loaded.root().info());
      assertEquals(start.epochState(), loaded.epochState());
      assertEquals(start.rootQc(), loaded.rootQc());
      assertEquals(start.commitCert(), loaded.commitCert());

      byte[] bytes = ledger.store().consensus().recoveryRecord().orElseThrow();
      ledger.store().consensus().saveRecoveryRecord(java.util.Arrays.copyOf(bytes, bytes.length - 1));
      StorageException e = assertThrows(StorageException.class, ledger::recoveryData);
      assertEquals(StorageException.Kind.CORRUPT, e.kind());
      byte[] otherFormat = RecoveryCodec.encode(start);
      otherFormat[0] = 4;
      assertThrows(io.astraea.crypto.bcs.BcsException.class, () -> RecoveryCodec.decode(otherFormat));

      // Format-1 and format-2 records (before certified blocks, and the timeout certificate,
      // were kept) still read, with none of them.
      byte[] current = RecoveryCodec.encode(start);
      assertEquals(0, current[current.length - 1]); // no timeout certificate
      assertEquals(0, current[current.length - 2]); // empty certificate list
      assertEquals(0, current[current.length - 3]); // empty certified-block list
      byte[] formatTwo = java.util.Arrays.copyOf(current, current.length - 1);
      formatTwo[0] = 2;
      assertEquals(start, RecoveryCodec.decode(formatTwo));
      byte[] formatOne = java.util.Arrays.copyOf(current, current.length - 3);
      formatOne[0] = 1;
      RecoveryData old = RecoveryCodec.decode(formatOne);
      assertEquals(start.commitCert(), old.commitCert());
      assertTrue(old.certifiedBlocks().isEmpty());
    }
  }
}
