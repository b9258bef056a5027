package io.astraea.crypto.quorum;

import io.astraea.crypto.bcs.BcsEncodable;
import io.astraea.crypto.bcs.BcsException;
import io.astraea.crypto.bcs.BcsReader;
import io.astraea.crypto.bcs.BcsWriter;

/** An epoch number and the validator set that runs it. */
public record EpochState(long epoch, ValidatorVerifier verifier) implements BcsEncodable {
  public static EpochState decode(BcsReader r) throws BcsException {
    r.enter();
    EpochState s = new EpochState(r.readU64(), ValidatorVerifier.decode(r));
    r.leave();
    return s;
  }

  @Override
  public void serialize(BcsWriter w) {
    w.writeU64(epoch).write(verifier);
  }
}
