package io.astraea.ledger.storage;

import io.astraea.crypto.bcs.BcsEncodable;
import io.astraea.crypto.bcs.BcsException;
import io.astraea.crypto.bcs.BcsReader;
import io.astraea.crypto.bcs.BcsWriter;
import io.astraea.ledger.accumulator.AccumulatorProof;
import io.astraea.ledger.types.ContractEvent;
import io.astraea.ledger.types.TransactionInfo;

/**
 * An event with what binds it to a ledger version (Diem's {@code EventWithProof}): the proof of
 * its transaction's info in the transaction accumulator, the info, and the proof of the event
 * under that info's event root. BCS in Diem's field order.
 */
public record EventWithProof(
    long transactionVersion,
    long eventIndex,
    ContractEvent event,
    AccumulatorProof infoProof,
    TransactionInfo info,
    AccumulatorProof eventProof)
    implements BcsEncodable {
  @Override
  public void serialize(BcsWriter w) {
    w.writeU64(transactionVersion).writeU64(eventIndex).write(event).write(infoProof).write(info).write(eventProof);
  }

  /** Decodes Diem's layout, as a client does; the proofs still have to be verified. */
  public static EventWithProof decode(BcsReader r) throws BcsException {
    return new EventWithProof(r.readU64(), r.readU64(), ContractEvent.decode(r), AccumulatorProof.decode(r),
        TransactionInfo.decode(r), AccumulatorProof.decode(r));
  }
}
