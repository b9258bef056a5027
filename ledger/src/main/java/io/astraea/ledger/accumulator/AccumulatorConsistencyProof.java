package io.astraea.ledger.accumulator;

import io.astraea.crypto.HashValue;
import io.astraea.crypto.bcs.BcsEncodable;
import io.astraea.crypto.bcs.BcsException;
import io.astraea.crypto.bcs.BcsReader;
import io.astraea.crypto.bcs.BcsWriter;
import io.astraea.crypto.bcs.HashCodec;
import java.util.List;

/**
 * Proof that an accumulator of {@code n} leaves extends one of {@code m <= n} leaves (Diem's
 * {@code AccumulatorConsistencyProof}): the roots of the frozen subtrees covering leaves {@code
 * [m, n)}, left to right, each as large as alignment allows. A client holding the old frozen
 * subtrees appends them and compares the new root.
 */
public record AccumulatorConsistencyProof(List<HashValue> subtrees) implements BcsEncodable {
  public AccumulatorConsistencyProof {
    subtrees = List.copyOf(subtrees);
  }

  @Override
  public void serialize(BcsWriter w) {
    w.writeSeq(subtrees, HashCodec::write);
  }

  public static AccumulatorConsistencyProof decode(BcsReader r) throws BcsException {
    return new AccumulatorConsistencyProof(r.readSeq(HashCodec::decode));
  }
}
