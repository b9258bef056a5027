package io.astraea.node.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The bounded queue's drop-oldest policy and the back-off schedule. */
class OutboundQueueTest {
  @Test
  void aFullQueueDropsItsOldestItemAndCountsIt() {
    OutboundQueue<Integer> q = new OutboundQueue<>(3);
    List<Integer> dropped = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      Integer d = q.offer(i);
      if (d != null) {
        dropped.add(d);
      }
    }
    assertEquals(List.of(0, 1, 2, 3), dropped);
    assertEquals(4, q.droppedTotal());
    assertEquals(3, q.size());
    assertEquals(4, q.poll());
    assertEquals(5, q.poll());
    assertEquals(6, q.poll());
    assertNull(q.poll());
  }

  @Test
  void backoffDoublesUpToTheCapWithBoundedJitterAndResets() {
    double[] jitter = {1.0};
    Backoff b = new Backoff(Duration.ofMillis(100), Duration.ofMillis(1000), () -> jitter[0]);
    List<Long> delays = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      delays.add(b.nextDelayMillis());
    }
    assertEquals(List.of(100L, 200L, 400L, 800L, 1000L, 1000L), delays);
    jitter[0] = 0.0;
    assertEquals(800L, b.nextDelayMillis(), "jitter takes at most 20% off");
    b.reset();
    assertEquals(80L, b.nextDelayMillis());
  }
}
