package io.astraea.node.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.astraea.node.net.wire.ProtocolId;
import io.astraea.node.net.wire.WireMessage;
import org.junit.jupiter.api.Test;

class PeerQueuesTest {
  private static WireMessage msg(ProtocolId p, int n) {
    return new WireMessage.DirectSend(p, new byte[] {(byte) n});
  }

  @Test
  void eachProtocolHasItsOwnBoundAndConsensusDrainsFirst() {
    PeerQueues q = new PeerQueues(2, 1 << 20);
    q.offer(ProtocolId.MEMPOOL, msg(ProtocolId.MEMPOOL, 1));
    q.offer(ProtocolId.MEMPOOL, msg(ProtocolId.MEMPOOL, 2));
    q.offer(ProtocolId.MEMPOOL, msg(ProtocolId.MEMPOOL, 3));
    q.offer(ProtocolId.STATE_SYNC, msg(ProtocolId.STATE_SYNC, 4));
    q.offer(ProtocolId.BLOCK_RETRIEVAL, msg(ProtocolId.BLOCK_RETRIEVAL, 5));
    q.offer(ProtocolId.CONSENSUS, msg(ProtocolId.CONSENSUS, 6));
    assertEquals(5, q.size());
    assertEquals(1, q.droppedTotal());
    assertEquals(1, q.droppedTotal(ProtocolId.MEMPOOL));
    assertEquals(0, q.droppedTotal(ProtocolId.CONSENSUS));
    assertEquals(msg(ProtocolId.CONSENSUS, 6), q.poll());
    assertEquals(msg(ProtocolId.BLOCK_RETRIEVAL, 5), q.poll());
    assertEquals(msg(ProtocolId.STATE_SYNC, 4), q.poll());
    assertEquals(msg(ProtocolId.MEMPOOL, 2), q.poll());
    assertEquals(msg(ProtocolId.MEMPOOL, 3), q.poll());
    assertNull(q.poll());
  }

  @Test
  void bigMessagesAreBoundedByBytesPerProtocol() {
    long budget = 3 * PeerQueues.heldBytes(new WireMessage.DirectSend(ProtocolId.STATE_SYNC, new byte[1000]));
    PeerQueues q = new PeerQueues(1024, budget);
    for (int i = 0; i < 5; i++) {
      byte[] chunk = new byte[1000];
      chunk[0] = (byte) i;
      q.offer(ProtocolId.STATE_SYNC, new WireMessage.DirectSend(ProtocolId.STATE_SYNC, chunk));
    }
    q.offer(ProtocolId.CONSENSUS, msg(ProtocolId.CONSENSUS, 9));
    // Three chunks fit the state-sync budget; the consensus queue has its own.
    assertEquals(4, q.size());
    assertEquals(2, q.droppedTotal(ProtocolId.STATE_SYNC));
    assertEquals(msg(ProtocolId.CONSENSUS, 9), q.poll());
    for (int i = 2; i < 5; i++) {
      assertEquals(i, ((WireMessage.DirectSend) q.poll()).payload()[0]);
    }
    assertNull(q.poll());
  }
}
