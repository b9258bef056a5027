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
    OutboundQueue<Integer> q = new OutboundQueue<>(3, Long.MAX_VALUE, i -> 1);
    List<Integer> dropped = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      dropped.add(q.offer(i));
    }
    assertEquals(List.of(0, 0, 0, 1, 1, 1, 1), dropped);
    assertEquals(4, q.droppedTotal());
    assertEquals(3, q.size());
    assertEquals(4, q.poll());
    assertEquals(5, q.poll());
    assertEquals(6, q.poll());
    assertNull(q.poll());
  }

  /** Items weigh their own value in bytes here. */
  @Test
  void theByteBoundDropsAsManyOldItemsAsItTakesButKeepsTheNewest() {
    OutboundQueue<Integer> q = new OutboundQueue<>(100, 10, i -> i);
    assertEquals(0, q.offer(3));
    assertEquals(0, q.offer(3));
    assertEquals(0, q.offer(4));
    assertEquals(10, q.bytes());
    assertEquals(2, q.offer(5), "3 + 3 + 4 + 5 is over 10 until both 3s go");
    assertEquals(9, q.bytes());
    assertEquals(2, q.offer(50), "an item above the bound alone is still kept");
    assertEquals(50, q.bytes());
    assertEquals(1, q.size());
    assertEquals(1, q.offer(1), "the big item goes as soon as a newer one exists");
    assertEquals(1, q.poll());
    assertEquals(0, q.bytes());
    assertNull(q.poll());
    assertEquals(5, q.droppedTotal());
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
