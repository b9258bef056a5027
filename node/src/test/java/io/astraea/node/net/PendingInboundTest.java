package io.astraea.node.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.channel.embedded.EmbeddedChannel;
import org.junit.jupiter.api.Test;

/** The bounds on accepted connections that have not authenticated yet. */
class PendingInboundTest {
  @Test
  void boundsPerAddressAndInTotalWithSlotsFreedOnceByAuthenticationOrClose() {
    // Embedded channels all share one remote address.
    PendingInbound pending = new PendingInbound(5, 2, new InboundRate(1, 1));
    EmbeddedChannel first = new EmbeddedChannel();
    EmbeddedChannel second = new EmbeddedChannel();
    assertTrue(pending.admit(first));
    assertTrue(pending.admit(second));
    assertFalse(pending.admit(new EmbeddedChannel()), "a third from the same address");
    assertEquals(2, pending.pending());

    pending.authenticated(first);
    assertEquals(1, pending.pending());
    first.close();
    assertEquals(1, pending.pending(), "an authenticated link's close gives nothing back twice");
    EmbeddedChannel third = new EmbeddedChannel();
    assertTrue(pending.admit(third));

    second.close();
    third.close();
    assertEquals(0, pending.pending());
  }

  @Test
  void theTotalBoundHoldsAcrossAddresses() {
    PendingInbound pending = new PendingInbound(1, 10, new InboundRate(1, 1));
    EmbeddedChannel only = new EmbeddedChannel();
    assertTrue(pending.admit(only));
    assertFalse(pending.admit(new EmbeddedChannel()));
    only.close();
    assertTrue(pending.admit(new EmbeddedChannel()));
  }
}
