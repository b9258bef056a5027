package io.astraea.consensus.types;

import io.astraea.crypto.AccountAddress;
import io.astraea.crypto.bcs.BcsEncodable;
import io.astraea.crypto.bcs.BcsException;
import io.astraea.crypto.bcs.BcsReader;
import io.astraea.crypto.bcs.BcsWriter;
import io.astraea.crypto.quorum.ValidatorVerifier;
import io.astraea.crypto.quorum.VerifyException;
import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A quorum of timeouts for one round: lets the next round start without a QC. Each signer's
 * highest QC round is kept; the embedded timeout carries the highest of those certificates, and
 * {@link #highestHqcRound()} is what the 2-chain voting rule compares against.
 */
public record TwoChainTimeoutCertificate(
    TwoChainTimeout timeout, SortedMap<AccountAddress, SignatureWithRound> signatures)
    implements BcsEncodable {

  public TwoChainTimeoutCertificate {
    signatures = Collections.unmodifiableSortedMap(new TreeMap<>(signatures));
  }

  public static TwoChainTimeoutCertificate decode(BcsReader r) throws BcsException {
    r.enter();
    TwoChainTimeout t = TwoChainTimeout.decode(r);
    Map<AccountAddress, SignatureWithRound> m =
        r.readMap(AccountAddress::decode, SignatureWithRound::decode);
    r.leave();
    return new TwoChainTimeoutCertificate(t, new TreeMap<>(m));
  }

  @Override
  public void serialize(BcsWriter w) {
    timeout.serialize(w);
    w.writeMap(signatures, (ww, k) -> k.serialize(ww), (ww, v) -> v.serialize(ww));
  }

  public long epoch() {
    return timeout.epoch();
  }

  public long round() {
    return timeout.round();
  }

  public long highestHqcRound() {
    return timeout.hqcRound();
  }

  /**
   * Checks the quorum, each signature over {@code (epoch, round, signer's hqc round)}, that the
   * embedded certificate is the highest any signer reported, and the embedded timeout itself.
   */
  public void verify(ValidatorVerifier verifier, SignatureChecker checker) throws VerifyException {
    if (checker.isVerified(verifier, this)) {
      return;
    }
    verifyUncached(verifier, checker);
    checker.recordVerified(verifier, this);
  }

  private void verifyUncached(ValidatorVerifier verifier, SignatureChecker checker)
      throws VerifyException {
    verifier.checkVotingPower(signatures.keySet());
    long max = 0;
    for (Map.Entry<AccountAddress, SignatureWithRound> e : signatures.entrySet()) {
      long hqc = e.getValue().hqcRound();
      if (Long.compareUnsigned(hqc, timeout.round()) >= 0) {
        throw new VerifyException(
            VerifyException.Kind.INCONSISTENT, "signer's hqc round not below the timeout round");
      }
      max = Math.max(max, hqc);
      checker.verify(
          verifier,
          e.getKey(),
          TwoChainTimeout.signingMessage(timeout.epoch(), timeout.round(), hqc),
          e.getValue().signature());
    }
    if (max != timeout.hqcRound()) {
      throw new VerifyException(
          VerifyException.Kind.INCONSISTENT,
          "embedded qc round " + timeout.hqcRound() + " is not the signers' highest " + max);
    }
    timeout.verify(verifier, checker);
  }

  @Override
  public String toString() {
    return "TC(epoch " + epoch() + " round " + round() + " hqc " + highestHqcRound() + ")";
  }
}
