package io.astraea.node.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.astraea.consensus.types.Payload;
import io.astraea.crypto.bcs.BcsException;
import io.astraea.ledger.types.SignedTransaction;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class PayloadCodecTest {
  private final TestChain chain = new TestChain();

  @Test
  void roundTripsInOrderAndEmptyIsTheEmptyPayload() throws Exception {
    List<SignedTransaction> txns = List.of(chain.transfer(0, 1, 0, 5), chain.transfer(1, 2, 0, 6));
    Payload p = PayloadCodec.encode(txns);
    assertEquals(txns, PayloadCodec.decode(p));
    assertEquals(2, p.toBytes()[0], "a BCS sequence starts with its length");
    assertSame(Payload.EMPTY, PayloadCodec.encode(List.of()));
    assertEquals(List.of(), PayloadCodec.decode(Payload.EMPTY));
  }

  @Test
  void badBytesAreRefused() {
    byte[] good = PayloadCodec.encode(List.of(chain.transfer(0, 1, 0, 5))).toBytes();
    assertThrows(BcsException.class, () -> PayloadCodec.decode(Payload.of(Arrays.copyOf(good, good.length + 1))));
    assertThrows(BcsException.class, () -> PayloadCodec.decode(Payload.of(Arrays.copyOf(good, good.length - 1))));
    assertThrows(BcsException.class, () -> PayloadCodec.decode(Payload.of(new byte[] {(byte) 0xff})));
    byte[] longer = good.clone();
    longer[0] = 2;
    assertThrows(BcsException.class, () -> PayloadCodec.decode(Payload.of(longer)));
  }
}
