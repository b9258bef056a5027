package io.astraea.consensus.types;

import io.astraea.crypto.bcs.BcsException;
import io.astraea.crypto.bcs.BcsReader;
import io.astraea.crypto.bcs.BcsWriter;
import io.astraea.crypto.quorum.ValidatorVerifier;
import io.astraea.crypto.quorum.VerifyException;

/** A vote sent to the next leader, with the voter's certificates. */
public record VoteMsg(Vote vote, SyncInfo syncInfo) implements ConsensusMsg {
  public static VoteMsg decode(BcsReader r) throws BcsException {
    r.enter();
    VoteMsg m = new VoteMsg(Vote.decode(r), SyncInfo.decode(r));
    r.leave();
    return m;
  }

  @Override
  public void serialize(BcsWriter w) {
    vote.serialize(w);
    syncInfo.serialize(w);
  }

  @Override
  public int variant() {
    return 6;
  }

  @Override
  public long epoch() {
    return vote.epoch();
  }

  public void verify(ValidatorVerifier verifier, SignatureChecker checker) throws VerifyException {
    if (vote.epoch() != syncInfo.epoch()) {
      throw new VerifyException(VerifyException.Kind.WRONG_EPOCH, "sync info of another epoch");
    }
    if (vote.round() <= syncInfo.highestCertifiedRound()) {
      throw new VerifyException(
          VerifyException.Kind.INCONSISTENT, "vote round not above the voter's highest qc");
    }
    vote.verify(verifier, checker);
    syncInfo.verify(verifier, checker);
  }
}
