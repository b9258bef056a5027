package io.astraea.consensus.types;

import io.astraea.crypto.CryptoHasher;
import io.astraea.crypto.bcs.BcsEncodable;
import io.astraea.crypto.bcs.BcsException;
import io.astraea.crypto.bcs.BcsReader;
import io.astraea.crypto.bcs.BcsWriter;
import io.astraea.crypto.quorum.ValidatorVerifier;
import io.astraea.crypto.quorum.VerifyException;

/**
 * A validator's statement that round {@code round} of {@code epoch} timed out, carrying the
 * highest quorum certificate it holds. What is signed is only {@code (epoch, round, hqc_round)}
 * (Diem's {@code TimeoutSigningRepr}), so timeouts with different certificates of the same round
 * aggregate into one certificate.
 */
public record TwoChainTimeout(long epoch, long round, QuorumCert quorumCert)
    implements BcsEncodable {
  public static final CryptoHasher SIGNING_HASHER = CryptoHasher.forType("TimeoutSigningRepr");

  public static TwoChainTimeout decode(BcsReader r) throws BcsException {
    r.enter();
    TwoChainTimeout t = new TwoChainTimeout(r.readU64(), r.readU64(), QuorumCert.decode(r));
    r.leave();
    return t;
  }

  @Override
  public void serialize(BcsWriter w) {
    w.writeU64(epoch).writeU64(round);
    quorumCert.serialize(w);
  }

  public long hqcRound() {
    return quorumCert.round();
  }

  /** The bytes a validator signs for a timeout of this round with the given highest QC round. */
  public static byte[] signingMessage(long epoch, long round, long hqcRound) {
    byte[] bcs = new BcsWriter(24).writeU64(epoch).writeU64(round).writeU64(hqcRound).toByteArray();
    return SIGNING_HASHER.signingMessage(bcs);
  }

  public byte[] signingMessage() {
    return signingMessage(epoch, round, hqcRound());
  }

  /** Checks the certificate is below the timed-out round, of the same epoch, and valid. */
  public void verify(ValidatorVerifier verifier, SignatureChecker checker) throws VerifyException {
    if (Long.compareUnsigned(hqcRound(), round) >= 0) {
      throw new VerifyException(
          VerifyException.Kind.INCONSISTENT, "timeout certificate round not below timeout round");
    }
    if (quorumCert.epoch() != epoch) {
      throw new VerifyException(VerifyException.Kind.WRONG_EPOCH, "timeout qc of another epoch");
    }
    quorumCert.verify(verifier, checker);
  }
}
