package io.astraea.node.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class InboundRateTest {
  private final AtomicLong nanos = new AtomicLong(1_000_000_000L);

  private static InetAddress ip(int last) throws Exception {
    return InetAddress.getByAddress(new byte[] {10, 0, 0, (byte) last});
  }

  @Test
  void anAddressGetsItsBurstThenItsRateAndOthersAreUnaffected() throws Exception {
    InboundRate rate = new InboundRate(4, 3, 100, nanos::get);
    for (int i = 0; i < 3; i++) {
      assertTrue(rate.tryAcquire(ip(1)), "handshake " + i + " of the burst");
    }
    assertFalse(rate.tryAcquire(ip(1)), "past the burst");
    assertTrue(rate.tryAcquire(ip(2)), "another address has its own bucket");

    nanos.addAndGet(200_000_000L); // 0.2 s at 4 per second: less than one token
    assertFalse(rate.tryAcquire(ip(1)));
    nanos.addAndGet(100_000_000L); // 0.3 s in all, refused attempts took nothing: 1.2 tokens
    assertTrue(rate.tryAcquire(ip(1)));
    assertFalse(rate.tryAcquire(ip(1)));

    nanos.addAndGet(60_000_000_000L); // a minute idle refills only up to the burst
    for (int i = 0; i < 3; i++) {
      assertTrue(rate.tryAcquire(ip(1)));
    }
    assertFalse(rate.tryAcquire(ip(1)));
  }

  @Test
  void onlyTheMostRecentlySeenAddressesAreRemembered() throws Exception {
    InboundRate rate = new InboundRate(1, 1, 2, nanos::get);
    assertTrue(rate.tryAcquire(ip(1)));
    assertTrue(rate.tryAcquire(ip(2)));
    assertFalse(rate.tryAcquire(ip(1)), "1 was seen again, so 2 is now the least recent");
    assertTrue(rate.tryAcquire(ip(3)));
    assertEquals(2, rate.tracked());
    assertFalse(rate.tryAcquire(ip(1)), "1 is still remembered, with an empty bucket");
    assertTrue(rate.tryAcquire(ip(2)), "2 was forgotten and starts over with a full bucket");
  }

  @Test
  void settingsMustBePositive() {
    assertThrows(IllegalArgumentException.class, () -> new InboundRate(0, 1));
    assertThrows(IllegalArgumentException.class, () -> new InboundRate(1, 0));
  }
}
