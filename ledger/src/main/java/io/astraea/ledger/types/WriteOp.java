package io.astraea.ledger.types;

import io.astraea.crypto.bcs.BcsEncodable;
import io.astraea.crypto.bcs.BcsException;
import io.astraea.crypto.bcs.BcsReader;
import io.astraea.crypto.bcs.BcsWriter;
import java.util.Objects;

/** One storage change: delete the value (variant 0) or set it (variant 1). */
public sealed interface WriteOp extends BcsEncodable {
  int VARIANTS = 2;

  /** Deletion, variant 0. */
  Deletion DELETION = new Deletion();

  record Deletion() implements WriteOp {
    @Override
    public void serialize(BcsWriter w) {
      w.writeVariant(0);
    }
  }

  record Value(Bytes value) implements WriteOp {
    public Value {
      Objects.requireNonNull(value, "value");
    }

    @Override
    public void serialize(BcsWriter w) {
      w.writeVariant(1).write(value);
    }
  }

  static WriteOp decode(BcsReader r) throws BcsException {
    return r.readVariant(VARIANTS) == 0 ? DELETION : new Value(Bytes.decode(r));
  }
}
