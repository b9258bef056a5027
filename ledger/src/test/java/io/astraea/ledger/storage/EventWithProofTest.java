package io.astraea.ledger.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.astraea.crypto.bcs.BcsReader;
import io.astraea.ledger.accumulator.AccumulatorProofException;
import io.astraea.ledger.accumulator.AccumulatorVerifier;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** Diem's {@code EventWithProof} bytes decode, re-encode and verify with Astraea's types. */
class EventWithProofTest {
  /**
   * The first {@code event_with_proof} of the example answer in Diem's {@code get_events_with_proofs}
   * documentation: the association root's first {@code CreateAccountEvent}, at version 0.
   */
  private static final String DIEM_EXAMPLE =
      "00000000000000000000000000000000001800000000000000000000000000000000000000000a550c1800000000"
          + "0000000007000000000000000000000000000000010b4469656d4163636f756e74124372656174654163636f"
          + "756e744576656e7400180000000000000000000000000a550c18000000000000000007205ea5bec9fcf7db9c"
          + "a734b48ff2c30d333a47b265124e8f8d82c5933e99d38f4e20e2671b124cdd8bc5fdfdf9c3f385791c1e8e4b"
          + "36cb9b7faa75a0aceffd2dc55420056518b61548197ec9cfdef5ccc9df06d7fbf9a65929ca6a001a6ba3e94e"
          + "29f62057304aafb410c2e4903517fa60a60b644adac57a3531a647bffcf4f31370174c20cd295ff537e34153"
          + "97ffcf822d89dd024be06c98c66ce1dd20c0452aab8e21bd201323a27e3b440505760f098720f643944b5751"
          + "6dff978701849ab53c6ccb6ab420cd150532557fe95d883e30dbd2723f41f85384de0993a24b81098a6d141f"
          + "cd4020284bcdb5381519e4bd76634814026598babc7629d4f9ba827e4c6ae25557d25e209f181a5a463b39e5"
          + "be659ebc0f5174936f3b8f34a443b98239ffeb43f5ec79a32063935d32737f16a01bf69f5a2df0fed9e1e659"
          + "a1ac66a421cc7515884a24b61d00000000000000000004204d70a96fb83a2dcf437dd9e3dc9fb80d671a6ea8"
          + "4cd91aa047d7039d56383ad220b0068256b82f6f2cd8056967798b4c7a589ac1f8062a39d227b4ceb3530a8f"
          + "f420d222a263f1142ed5089ddf8694b9fa98e981e891e63fd28f05d8d80f03a207de2000a98c24050c7371aa"
          + "9ddde3f8b4263f83c41b94781b181a96db4b61e2ecdf19";

  @Test
  void diemsExampleDecodesReencodesAndItsEventProofVerifies() throws Exception {
    byte[] bytes = HexFormat.of().parseHex(DIEM_EXAMPLE);
    EventWithProof e = BcsReader.decode(bytes, EventWithProof::decode);
    assertArrayEquals(bytes, e.toBcs());
    assertEquals(0, e.transactionVersion());
    assertEquals(0, e.eventIndex());
    assertEquals(7, e.infoProof().siblings().size());
    // Diem's event hashing and event accumulator give the event root Diem's info records.
    AccumulatorVerifier.verifyEventInclusion(e.info().eventRootHash(), e.event().hash(), 0, e.eventProof());
    assertThrows(AccumulatorProofException.class,
        () -> AccumulatorVerifier.verifyEventInclusion(e.info().eventRootHash(), e.event().hash(), 1, e.eventProof()));
  }
}
