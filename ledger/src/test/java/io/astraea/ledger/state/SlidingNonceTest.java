package io.astraea.ledger.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class SlidingNonceTest {
  @Test
  void zeroIsNeverRecorded() throws Exception {
    assertSame(SlidingNonce.INITIAL, SlidingNonce.INITIAL.record(0));
  }

  @Test
  void replaysTooOldAndTooNew() throws Exception {
    SlidingNonce n = SlidingNonce.INITIAL.record(5);
    assertEquals(SlidingNonce.ENONCE_ALREADY_RECORDED, assertThrows(SlidingNonce.Rejected.class, () -> n.record(5)).reason());
    SlidingNonce moved = n.record(300);
    assertEquals(300 - 127, moved.minNonce());
    assertEquals(SlidingNonce.ENONCE_TOO_OLD, assertThrows(SlidingNonce.Rejected.class, () -> moved.record(5)).reason());
    assertEquals(SlidingNonce.ENONCE_TOO_NEW,
        assertThrows(SlidingNonce.Rejected.class, () -> moved.record(moved.minNonce() + 10_000)).reason());
    SlidingNonce shifted = moved.record(moved.minNonce() + 130);
    assertEquals(moved.minNonce() + 3, shifted.minNonce());
    assertEquals(SlidingNonce.ENONCE_ALREADY_RECORDED,
        assertThrows(SlidingNonce.Rejected.class, () -> shifted.record(300)).reason());
    assertEquals(shifted.minNonce() + 1, shifted.record(shifted.minNonce() + 1).minNonce() + 1);
  }
}
