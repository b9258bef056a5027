package io.astraea.consensus.types;

import io.astraea.crypto.AccountAddress;
import io.astraea.crypto.Ed25519Signature;
import io.astraea.crypto.bcs.BcsException;
import io.astraea.crypto.bcs.BcsReader;
import io.astraea.crypto.bcs.BcsWriter;
import io.astraea.crypto.quorum.ValidatorVerifier;
import io.astraea.crypto.quorum.VerifyException;

/** A validator's signed 2-chain timeout, broadcast to all, with its certificates. */
public record TimeoutMsg(
    TwoChainTimeout timeout, AccountAddress author, Ed25519Signature signature, SyncInfo syncInfo)
    implements ConsensusMsg {

  public static TimeoutMsg decode(BcsReader r) throws BcsException {
    r.enter();
    TimeoutMsg m =
        new TimeoutMsg(
            TwoChainTimeout.decode(r),
            AccountAddress.decode(r),
            Ed25519Signature.decode(r),
            SyncInfo.decode(r));
    r.leave();
    return m;
  }

  @Override
  public void serialize(BcsWriter w) {
    timeout.serialize(w);
    author.serialize(w);
    signature.serialize(w);
    syncInfo.serialize(w);
  }

  @Override
  public int variant() {
    return 7;
  }

  @Override
  public long epoch() {
    return timeout.epoch();
  }

  public long round() {
    return timeout.round();
  }

  public void verify(ValidatorVerifier verifier, SignatureChecker checker) throws VerifyException {
    if (timeout.epoch() != syncInfo.epoch()) {
      throw new VerifyException(VerifyException.Kind.WRONG_EPOCH, "sync info of another epoch");
    }
    if (timeout.round() <= syncInfo.highestCertifiedRound()) {
      throw new VerifyException(
          VerifyException.Kind.INCONSISTENT, "timeout round not above the sender's highest qc");
    }
    checker.verify(verifier, author, timeout.signingMessage(), signature);
    timeout.verify(verifier, checker);
    syncInfo.verify(verifier, checker);
  }
}
