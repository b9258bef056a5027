package io.astraea.consensus.types;

import io.astraea.crypto.bcs.BcsException;
import io.astraea.crypto.bcs.BcsReader;
import io.astraea.crypto.bcs.BcsWriter;
import io.astraea.crypto.quorum.ValidatorVerifier;
import io.astraea.crypto.quorum.VerifyException;
import java.util.Optional;

/**
 * The certificates a node attaches to every message so its peers can catch up: its highest
 * quorum certificate, highest commit certificate and highest 2-chain timeout certificate.
 * The third field carries a {@link TwoChainTimeoutCertificate} (this protocol has no 1-chain one).
 */
public record SyncInfo(
    QuorumCert highestQuorumCert,
    Optional<QuorumCert> highestCommitCert,
    Optional<TwoChainTimeoutCertificate> highestTimeoutCert)
    implements ConsensusMsg {

  public static SyncInfo decode(BcsReader r) throws BcsException {
    r.enter();
    SyncInfo s =
        new SyncInfo(
            QuorumCert.decode(r),
            r.readOption(QuorumCert::decode),
            r.readOption(TwoChainTimeoutCertificate::decode));
    r.leave();
    return s;
  }

  @Override
  public void serialize(BcsWriter w) {
    highestQuorumCert.serialize(w);
    w.writeOption(highestCommitCert, (ww, q) -> q.serialize(ww));
    w.writeOption(highestTimeoutCert, (ww, t) -> t.serialize(ww));
  }

  @Override
  public int variant() {
    return 4;
  }

  @Override
  public long epoch() {
    return highestQuorumCert.epoch();
  }

  public long highestCertifiedRound() {
    return highestQuorumCert.round();
  }

  public long highestTimeoutRound() {
    return highestTimeoutCert.map(TwoChainTimeoutCertificate::round).orElse(0L);
  }

  /** The round a node holding these certificates may enter: one past the highest certificate. */
  public long highestRound() {
    return Math.max(highestCertifiedRound(), highestTimeoutRound());
  }

  /** The commit certificate, or the highest QC when none is given. */
  public QuorumCert commitCertOrHighest() {
    return highestCommitCert.orElse(highestQuorumCert);
  }

  /** Checks all certificates are of one epoch, ordered sensibly, and valid. */
  public void verify(ValidatorVerifier verifier, SignatureChecker checker) throws VerifyException {
    long epoch = epoch();
    if (highestCommitCert.isPresent()) {
      QuorumCert cc = highestCommitCert.get();
      if (cc.epoch() != epoch) {
        throw new VerifyException(VerifyException.Kind.WRONG_EPOCH, "commit cert epoch differs");
      }
      if (cc.round() > highestQuorumCert.round()) {
        throw new VerifyException(
            VerifyException.Kind.INCONSISTENT, "commit cert above the highest quorum cert");
      }
    }
    if (highestTimeoutCert.isPresent() && highestTimeoutCert.get().epoch() != epoch) {
      throw new VerifyException(VerifyException.Kind.WRONG_EPOCH, "timeout cert epoch differs");
    }
    highestQuorumCert.verify(verifier, checker);
    if (highestCommitCert.isPresent() && highestCommitCert.get() != highestQuorumCert) {
      highestCommitCert.get().verify(verifier, checker);
    }
    if (highestTimeoutCert.isPresent()) {
      highestTimeoutCert.get().verify(verifier, checker);
    }
  }

  @Override
  public String toString() {
    return "SyncInfo(hqc "
        + highestCertifiedRound()
        + ", commit "
        + highestCommitCert.map(q -> Long.toString(q.commitInfo().round())).orElse("-")
        + ", htc "
        + highestTimeoutCert.map(t -> Long.toString(t.round())).orElse("-")
        + ")";
  }
}
