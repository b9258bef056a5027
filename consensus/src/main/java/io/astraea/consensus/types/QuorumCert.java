package io.astraea.consensus.types;

import io.astraea.crypto.HashValue;
import io.astraea.crypto.bcs.BcsEncodable;
import io.astraea.crypto.bcs.BcsException;
import io.astraea.crypto.bcs.BcsReader;
import io.astraea.crypto.bcs.BcsWriter;
import io.astraea.crypto.quorum.BlockInfo;
import io.astraea.crypto.quorum.LedgerInfo;
import io.astraea.crypto.quorum.LedgerInfoWithSignatures;
import io.astraea.crypto.quorum.ValidatorVerifier;
import io.astraea.crypto.quorum.VerifyException;
import java.util.Map;
import java.util.Optional;

/**
 * A quorum's votes on one {@link VoteData}: proof that a block was executed to the same state by
 * more than two thirds of the voting power. Under the 2-chain rule its ledger info also commits
 * the certified block's parent when the two rounds are consecutive; otherwise the commit info is
 * {@link #EMPTY_COMMIT_INFO}.
 */
public record QuorumCert(VoteData voteData, LedgerInfoWithSignatures signedLedgerInfo)
    implements BcsEncodable {

  /** The commit info of a ledger info that commits nothing (Diem's {@code BlockInfo::empty}). */
  public static final BlockInfo EMPTY_COMMIT_INFO =
      new BlockInfo(0, 0, HashValue.ZERO, HashValue.ZERO, 0, 0, Optional.empty());

  public static QuorumCert decode(BcsReader r) throws BcsException {
    r.enter();
    QuorumCert qc = new QuorumCert(VoteData.decode(r), LedgerInfoWithSignatures.decode(r));
    r.leave();
    return qc;
  }

  /**
   * The certificate an epoch starts from: it certifies the epoch's genesis block with no
   * signatures, its state taken from the ledger info that ended the previous epoch.
   */
  public static QuorumCert forGenesis(BlockInfo genesis) {
    VoteData vd = new VoteData(genesis, genesis);
    LedgerInfo li = new LedgerInfo(genesis, vd.hash());
    return new QuorumCert(vd, LedgerInfoWithSignatures.of(li, Map.of()));
  }

  @Override
  public void serialize(BcsWriter w) {
    voteData.serialize(w);
    signedLedgerInfo.serialize(w);
  }

  public BlockInfo certifiedBlock() {
    return voteData.proposed();
  }

  public BlockInfo parentBlock() {
    return voteData.parent();
  }

  public LedgerInfo ledgerInfo() {
    return signedLedgerInfo.ledgerInfo();
  }

  public BlockInfo commitInfo() {
    return ledgerInfo().commitInfo();
  }

  public long round() {
    return certifiedBlock().round();
  }

  public long epoch() {
    return certifiedBlock().epoch();
  }

  /** Whether this certificate commits a block (the 2-chain rule held when the votes were cast). */
  public boolean commitsBlock() {
    return !commitInfo().id().equals(HashValue.ZERO);
  }

  /** Whether the block this certificate commits ends its epoch. */
  public boolean endsEpoch() {
    return commitsBlock() && commitInfo().hasReconfiguration();
  }

  /**
   * Checks internal consistency and the quorum. A round-0 certificate is the genesis certificate
   * and carries no signatures; every other one needs a quorum of valid signatures.
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
    if (!ledgerInfo().consensusDataHash().equals(voteData.hash())) {
      throw new VerifyException(
          VerifyException.Kind.INCONSISTENT, "quorum cert ledger info does not match its vote data");
    }
    if (certifiedBlock().round() == 0) {
      if (!parentBlock().equals(certifiedBlock()) || !commitInfo().equals(certifiedBlock())) {
        throw new VerifyException(VerifyException.Kind.INCONSISTENT, "malformed genesis certificate");
      }
      if (!signedLedgerInfo.signatures().isEmpty()) {
        throw new VerifyException(
            VerifyException.Kind.INCONSISTENT, "genesis certificate carries signatures");
      }
      return;
    }
    voteData.verify();
    if (commitsBlock()) {
      if (!commitInfo().equals(parentBlock())
          || parentBlock().round() + 1 != certifiedBlock().round()) {
        throw new VerifyException(
            VerifyException.Kind.INCONSISTENT, "commit info is not the certified block's parent");
      }
    } else if (!commitInfo().equals(EMPTY_COMMIT_INFO)) {
      throw new VerifyException(VerifyException.Kind.INCONSISTENT, "malformed empty commit info");
    }
    checker.verifyQuorum(verifier, ledgerInfo().signingMessage(), signedLedgerInfo.signatures());
  }

  @Override
  public String toString() {
    return "QC(epoch " + epoch() + " round " + round() + " " + certifiedBlock().id() + ")";
  }
}
