package io.astraea.node.sync;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.astraea.crypto.bcs.BcsException;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class SyncMessagesTest {
  @Test
  void requestIsFourLittleEndianU64s() throws Exception {
    SyncRequest r = new SyncRequest(5, 100, SyncRequest.LATEST, 2);
    byte[] bytes = r.toBcs();
    assertEquals("0500000000000000" + "6400000000000000" + "ffffffffffffffff" + "0200000000000000",
        HexFormat.of().formatHex(bytes));
    assertEquals(r, SyncRequest.fromBcs(bytes));
    assertThrows(BcsException.class, () -> SyncRequest.fromBcs(java.util.Arrays.copyOf(bytes, 31)));
  }

  @Test
  void refusalRoundTripsAndUnknownVariantsAreRejected() throws Exception {
    SyncResponse refused = new SyncResponse.Refused("behind");
    assertArrayEquals(refused.toBcs(), SyncResponse.fromBcs(refused.toBcs()).toBcs());
    assertEquals(refused, SyncResponse.fromBcs(refused.toBcs()));
    assertThrows(BcsException.class, () -> SyncResponse.fromBcs(new byte[] {2}));
  }
}
