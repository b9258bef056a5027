package io.astraea.node.net;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class WarningThrottleTest {
  private static final long SECOND = 1_000_000_000L;
  private final AtomicLong nanos = new AtomicLong(5 * SECOND);

  private static InetSocketAddress host(int last, int port) throws Exception {
    return new InetSocketAddress(InetAddress.getByAddress(new byte[] {10, 0, 0, (byte) last}), port);
  }

  @Test
  void oneWarningPerHostAndIntervalAndTheNextSaysHowManyWereLeftOut() throws Exception {
    WarningThrottle t = new WarningThrottle(60 * SECOND, 100, nanos::get);
    assertEquals(0, t.admit(host(1, 40_000), true), "the first warning about a host is logged");
    assertEquals(-1, t.admit(host(1, 40_001), true), "accepted from another port: the same host");
    nanos.addAndGet(30 * SECOND);
    assertEquals(-1, t.admit(host(1, 40_002), true));
    assertEquals(0, t.admit(host(2, 40_000), true), "another host is logged");
    nanos.addAndGet(31 * SECOND);
    assertEquals(2, t.admit(host(1, 40_003), true), "a minute on: logged, with the two left out");
    assertEquals(-1, t.admit(host(1, 40_004), true));
    assertEquals(" (1 more like it not logged)", WarningThrottle.leftOut(1));
    assertEquals("", WarningThrottle.leftOut(0));
  }

  @Test
  void dialledPeersOnOneHostAreToldApartByTheirPort() throws Exception {
    WarningThrottle t = new WarningThrottle(60 * SECOND, 100, nanos::get);
    assertEquals(0, t.admit(host(1, 6180), false));
    assertEquals(0, t.admit(host(1, 6181), false), "another validator on the same host");
    assertEquals(-1, t.admit(host(1, 6180), false));
  }

  @Test
  void remembersOnlyTheMostRecentlyWarnedAboutHosts() throws Exception {
    WarningThrottle t = new WarningThrottle(60 * SECOND, 2, nanos::get);
    t.admit(host(1, 1), true);
    t.admit(host(2, 1), true);
    t.admit(host(3, 1), true);
    assertEquals(2, t.tracked());
    assertEquals(0, t.admit(host(1, 1), true), "host 1 was forgotten, so it is logged again");
    assertEquals(-1, t.admit(host(3, 1), true));
  }
}
