package io.astraea.ledger.accumulator;

import io.astraea.crypto.HashValue;
import io.astraea.crypto.bcs.BcsEncodable;
import io.astraea.crypto.bcs.BcsException;
import io.astraea.crypto.bcs.BcsReader;
import io.astraea.crypto.bcs.BcsWriter;
import io.astraea.crypto.bcs.HashCodec;
import java.util.List;

/**
 * Proof that a leaf is at an index under a root: the sibling of every node on the leaf's path,
 * from the bottom level up, placeholders included (Diem's {@code AccumulatorProof}).
 */
public record AccumulatorProof(List<HashValue> siblings) implements BcsEncodable {
  public AccumulatorProof {
    siblings = List.copyOf(siblings);
  }

  @Override
  public void serialize(BcsWriter w) {
    w.writeSeq(siblings, HashCodec::write);
  }

  public static AccumulatorProof decode(BcsReader r) throws BcsException {
    return new AccumulatorProof(r.readSeq(HashCodec::decode));
  }
}
