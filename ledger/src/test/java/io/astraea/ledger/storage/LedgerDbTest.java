package io.astraea.ledger.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A write is all or nothing: a filler that fails leaves nothing behind, for this write or the next. */
class LedgerDbTest {
  @TempDir
  Path dir;

  private static byte[] b(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }

  @Test
  void aFailedWriteLeavesNothingForTheNextOne() throws Exception {
    try (LedgerDb db = LedgerDb.open(dir)) {
      db.write(true, batch -> batch.put(ColumnFamily.DEFAULT, b("first"), b("1")));
      StorageException failure = assertThrows(StorageException.class, () -> db.write(true, batch -> {
        batch.put(ColumnFamily.DEFAULT, b("half-written"), b("x"));
        throw new StorageException(StorageException.Kind.INVALID_ARGUMENT, "filler gave up");
      }));
      assertEquals("filler gave up", failure.getMessage());
      assertNull(db.get(ColumnFamily.DEFAULT, b("half-written")));
      db.write(true, batch -> batch.put(ColumnFamily.DEFAULT, b("second"), b("2")));
      assertNull(db.get(ColumnFamily.DEFAULT, b("half-written")), "an aborted write reached the database");
      assertArrayEquals(b("1"), db.get(ColumnFamily.DEFAULT, b("first")));
      assertArrayEquals(b("2"), db.get(ColumnFamily.DEFAULT, b("second")));
    }
  }

  @Test
  void writesAfterCloseFailAsClosed() throws Exception {
    LedgerDb db = LedgerDb.open(dir);
    db.write(false, batch -> batch.put(ColumnFamily.DEFAULT, b("k"), b("v")));
    db.close();
    StorageException e = assertThrows(StorageException.class,
        () -> db.write(false, batch -> batch.put(ColumnFamily.DEFAULT, b("k2"), b("v"))));
    assertEquals(StorageException.Kind.CLOSED, e.kind());
  }
}
