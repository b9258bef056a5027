package io.astraea.ledger.accumulator;

import io.astraea.crypto.HashValue;
import io.astraea.crypto.bcs.BcsEncodable;
import io.astraea.crypto.bcs.BcsException;
import io.astraea.crypto.bcs.BcsReader;
import io.astraea.crypto.bcs.BcsWriter;
import io.astraea.crypto.bcs.HashCodec;
import java.util.List;

/**
 * Proof that a run of consecutive leaves sits under a root (Diem's {@code AccumulatorRangeProof}).
 * {@code leftSiblings} are the siblings left of the first leaf's path at the levels where that
 * path is a right child; {@code rightSiblings} those right of the last leaf's path where it is a
 * left child; both from the bottom level up.
 */
public record AccumulatorRangeProof(List<HashValue> leftSiblings, List<HashValue> rightSiblings)
    implements BcsEncodable {
  public AccumulatorRangeProof {
    leftSiblings = List.copyOf(leftSiblings);
    rightSiblings = List.copyOf(rightSiblings);
  }

  @Override
  public void serialize(BcsWriter w) {
    w.writeSeq(leftSiblings, HashCodec::write);
    w.writeSeq(rightSiblings, HashCodec::write);
  }

  public static AccumulatorRangeProof decode(BcsReader r) throws BcsException {
    return new AccumulatorRangeProof(r.readSeq(HashCodec::decode), r.readSeq(HashCodec::decode));
  }
}
