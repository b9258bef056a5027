package io.astraea.node.ledger;

import io.astraea.consensus.types.Payload;
import io.astraea.crypto.bcs.BcsException;
import io.astraea.crypto.bcs.BcsReader;
import io.astraea.crypto.bcs.BcsWriter;
import io.astraea.ledger.types.SignedTransaction;
import java.util.List;

/**
 * The ledger's meaning of a consensus {@link Payload}: the BCS encoding of a sequence of
 * {@link SignedTransaction}s ({@code Vec<SignedTransaction>}). The empty payload (zero bytes) is
 * the empty sequence, so NIL blocks and idle proposals need no special case. Decoding is strict: a
 * payload that does not decode exactly (trailing bytes, bad lengths) fails, and its block is not
 * executed.
 */
public final class PayloadCodec {
  private PayloadCodec() {}

  public static Payload encode(List<SignedTransaction> txns) {
    if (txns.isEmpty()) {
      return Payload.EMPTY;
    }
    BcsWriter w = new BcsWriter();
    w.writeSeq(txns);
    return Payload.of(w.toByteArray());
  }

  /** The transactions of {@code payload}, in order. */
  public static List<SignedTransaction> decode(Payload payload) throws BcsException {
    if (payload.isEmpty()) {
      return List.of();
    }
    return BcsReader.decode(payload.toBytes(), r -> r.readSeq(SignedTransaction::decode));
  }
}
