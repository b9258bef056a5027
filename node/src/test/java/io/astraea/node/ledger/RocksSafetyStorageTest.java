package io.astraea.node.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.astraea.consensus.safety.SafetyData;
import io.astraea.ledger.storage.LedgerStore;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RocksSafetyStorageTest {
  @TempDir Path dir;

  @Test
  void storedSafetyDataSurvivesReopening() throws Exception {
    SafetyData data = new SafetyData(3, 17, 15, 16, Optional.empty(), 12);
    try (LedgerStore store = LedgerStore.open(dir)) {
      RocksSafetyStorage storage = new RocksSafetyStorage(store.consensus());
      assertNull(storage.load(), "nothing stored yet");
      storage.store(SafetyData.initial(3));
      storage.store(data);
      assertEquals(data, storage.load());
    }
    try (LedgerStore store = LedgerStore.open(dir)) {
      assertEquals(data, new RocksSafetyStorage(store.consensus()).load());
    }
  }

  @Test
  void undecodableSafetyDataStopsRatherThanForgetting() throws Exception {
    try (LedgerStore store = LedgerStore.open(dir)) {
      store.consensus().saveSafetyData(new byte[] {1, 2, 3});
      RocksSafetyStorage storage = new RocksSafetyStorage(store.consensus());
      assertThrows(RocksSafetyStorage.SafetyStorageException.class, storage::load);
    }
  }
}
