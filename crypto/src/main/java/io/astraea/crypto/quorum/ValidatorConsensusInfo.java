package io.astraea.crypto.quorum;

import io.astraea.crypto.Ed25519PublicKey;
import io.astraea.crypto.bcs.BcsEncodable;
import io.astraea.crypto.bcs.BcsException;
import io.astraea.crypto.bcs.BcsReader;
import io.astraea.crypto.bcs.BcsWriter;

/** A validator's consensus key and voting power within one epoch. */
public record ValidatorConsensusInfo(Ed25519PublicKey publicKey, long votingPower)
    implements BcsEncodable {
  public ValidatorConsensusInfo {
    if (votingPower <= 0) {
      throw new IllegalArgumentException("voting power must be positive");
    }
  }

  public static ValidatorConsensusInfo decode(BcsReader r) throws BcsException {
    int at = r.position();
    Ed25519PublicKey key = Ed25519PublicKey.decode(r);
    long power = r.readU64();
    if (power <= 0) {
      throw new BcsException("voting power must be positive", at);
    }
    return new ValidatorConsensusInfo(key, power);
  }

  @Override
  public void serialize(BcsWriter w) {
    w.write(publicKey).writeU64(votingPower);
  }
}
