package io.astraea.consensus.types;

import io.astraea.crypto.AccountAddress;
import io.astraea.crypto.Ed25519Signature;
import io.astraea.crypto.bcs.BcsEncodable;
import io.astraea.crypto.bcs.BcsException;
import io.astraea.crypto.bcs.BcsReader;
import io.astraea.crypto.bcs.BcsWriter;
import io.astraea.crypto.quorum.LedgerInfo;
import io.astraea.crypto.quorum.ValidatorVerifier;
import io.astraea.crypto.quorum.VerifyException;
import java.util.Optional;

/**
 * One validator's vote: it executed {@code voteData.proposed()} and signs {@code ledgerInfo} (which
 * commits the parent when the 2-chain rule holds). A vote may carry the author's signed 2-chain
 * timeout for the same round, so one message both votes and times out.
 */
public record Vote(
    VoteData voteData,
    AccountAddress author,
    LedgerInfo ledgerInfo,
    Ed25519Signature signature,
    Optional<TimeoutWithSignature> twoChainTimeout)
    implements BcsEncodable {

  public static Vote decode(BcsReader r) throws BcsException {
    r.enter();
    Vote v =
        new Vote(
            VoteData.decode(r),
            AccountAddress.decode(r),
            LedgerInfo.decode(r),
            Ed25519Signature.decode(r),
            r.readOption(TimeoutWithSignature::decode));
    r.leave();
    return v;
  }

  @Override
  public void serialize(BcsWriter w) {
    voteData.serialize(w);
    author.serialize(w);
    ledgerInfo.serialize(w);
    signature.serialize(w);
    w.writeOption(twoChainTimeout, (ww, t) -> t.serialize(ww));
  }

  public long epoch() {
    return voteData.proposed().epoch();
  }

  public long round() {
    return voteData.proposed().round();
  }

  public Vote withTimeout(TimeoutWithSignature timeout) {
    return new Vote(voteData, author, ledgerInfo, signature, Optional.of(timeout));
  }

  /** Checks the ledger info is bound to the vote data, the signature, and any timeout part. */
  public void verify(ValidatorVerifier verifier, SignatureChecker checker) throws VerifyException {
    if (!ledgerInfo.consensusDataHash().equals(voteData.hash())) {
      throw new VerifyException(
          VerifyException.Kind.INCONSISTENT, "vote ledger info does not match its vote data");
    }
    voteData.verify();
    checker.verify(verifier, author, ledgerInfo.signingMessage(), signature);
    if (twoChainTimeout.isPresent()) {
      TwoChainTimeout t = twoChainTimeout.get().timeout();
      if (t.epoch() != epoch() || t.round() != round()) {
        throw new VerifyException(
            VerifyException.Kind.INCONSISTENT, "attached timeout is for another round");
      }
      checker.verify(verifier, author, t.signingMessage(), twoChainTimeout.get().signature());
      t.verify(verifier, checker);
    }
  }
}
