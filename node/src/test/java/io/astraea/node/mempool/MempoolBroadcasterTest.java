package io.astraea.node.mempool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.astraea.crypto.AccountAddress;
import io.astraea.crypto.Ed25519PrivateKey;
import io.astraea.ledger.types.Bytes;
import io.astraea.ledger.types.ChainId;
import io.astraea.ledger.types.RawTransaction;
import io.astraea.ledger.types.Script;
import io.astraea.ledger.types.SignedTransaction;
import io.astraea.node.ledger.PayloadCodec;
import io.astraea.consensus.types.Payload;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class MempoolBroadcasterTest {
  private static final Ed25519PrivateKey KEY = Ed25519PrivateKey.generate();

  private static SignedTransaction txn(long seq, int scriptBytes) {
    return RawTransaction.builder()
        .sender(AccountAddress.of("a1"))
        .sequenceNumber(seq)
        .script(new Script(Bytes.of(new byte[scriptBytes]), List.of(), List.of()))
        .chainId(ChainId.TESTING)
        .build()
        .sign(KEY);
  }

  private static List<SignedTransaction> decode(byte[] message) throws Exception {
    return PayloadCodec.decode(Payload.of(message));
  }

  @Test
  void fullBatchesLeaveAtOnceAndTheRestAfterTheDelay() throws Exception {
    LinkedBlockingQueue<byte[]> sent = new LinkedBlockingQueue<>();
    List<SignedTransaction> submitted = new ArrayList<>();
    for (int i = 0; i < 250; i++) {
      submitted.add(txn(i, 8));
    }
    try (MempoolBroadcaster b = new MempoolBroadcaster(sent::add, 100, 1 << 20, 500)) {
      long start = System.nanoTime();
      submitted.forEach(t -> b.onAdmitted(t, false));
      assertTrue(System.nanoTime() - start < 400_000_000L, "submitting took longer than the delay");
      // two full batches went out during the calls; the last 50 wait for the delay
      assertEquals(2, sent.size());
      List<SignedTransaction> received = new ArrayList<>();
      received.addAll(decode(sent.take()));
      received.addAll(decode(sent.take()));
      assertEquals(submitted.subList(0, 200), received);
      byte[] rest = sent.poll(5, TimeUnit.SECONDS);
      assertEquals(submitted.subList(200, 250), decode(rest));
      assertEquals(null, sent.poll(100, TimeUnit.MILLISECONDS), "nothing sent twice");
    }
  }

  @Test
  void aBatchStaysUnderTheByteBound() throws Exception {
    List<byte[]> sent = Collections.synchronizedList(new ArrayList<>());
    int txnBytes = txn(0, 1000).toBcs().length;
    try (MempoolBroadcaster b = new MempoolBroadcaster(sent::add, 1000, 3 * txnBytes + 10, 10_000)) {
      for (int i = 0; i < 7; i++) {
        b.onAdmitted(txn(i, 1000), false);
      }
      assertEquals(2, sent.size(), "two batches of three left as soon as the next one would not fit");
      for (byte[] m : sent) {
        assertEquals(3, decode(m).size());
      }
    }
    assertEquals(3, sent.size(), "close sends the last, partial batch");
    assertEquals(1, decode(sent.get(2)).size());
  }

  @Test
  void peerTransactionsAreNotForwardedAndNothingGoesAfterClose() throws Exception {
    List<byte[]> sent = Collections.synchronizedList(new ArrayList<>());
    MempoolBroadcaster b = new MempoolBroadcaster(sent::add, 10, 1 << 20, 1);
    b.onAdmitted(txn(0, 8), true);
    b.close();
    b.onAdmitted(txn(1, 8), false);
    Thread.sleep(50);
    assertTrue(sent.isEmpty());
  }

  @Test
  void aFailingSendIsSurvived() throws Exception {
    List<byte[]> sent = Collections.synchronizedList(new ArrayList<>());
    boolean[] fail = {true};
    try (MempoolBroadcaster b = new MempoolBroadcaster(m -> {
      if (fail[0]) {
        fail[0] = false;
        throw new IllegalStateException("link down");
      }
      sent.add(m);
    }, 1, 1 << 20, 10)) {
      b.onAdmitted(txn(0, 8), false);
      b.onAdmitted(txn(1, 8), false);
    }
    assertEquals(1, sent.size());
    assertEquals(List.of(txn(1, 8).hash()), decode(sent.get(0)).stream().map(SignedTransaction::hash).toList());
  }
}
