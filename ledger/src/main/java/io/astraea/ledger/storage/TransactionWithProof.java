package io.astraea.ledger.storage;

import io.astraea.crypto.bcs.BcsWriter;
import io.astraea.ledger.accumulator.AccumulatorProof;
import java.util.Optional;

/** A committed transaction with the proof of its info against the accumulator at a ledger version. */
public record TransactionWithProof(TransactionWithInfo transaction, AccumulatorProof proof) {
  /**
   * Diem's {@code TransactionWithProof} BCS: version, transaction, its events only if {@code
   * withEvents} (an option), then the info's accumulator proof and the info.
   */
  public byte[] toBcs(boolean withEvents) {
    BcsWriter w = new BcsWriter().writeU64(transaction.version()).write(transaction.transaction());
    w.writeOption(withEvents ? Optional.of(transaction.events()) : Optional.empty(), BcsWriter::writeSeq);
    return w.write(proof).write(transaction.info()).toByteArray();
  }
}
