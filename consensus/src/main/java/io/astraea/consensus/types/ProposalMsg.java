package io.astraea.consensus.types;

import io.astraea.crypto.AccountAddress;
import io.astraea.crypto.bcs.BcsException;
import io.astraea.crypto.bcs.BcsReader;
import io.astraea.crypto.bcs.BcsWriter;
import io.astraea.crypto.quorum.ValidatorVerifier;
import io.astraea.crypto.quorum.VerifyException;

/** A leader's proposal with the certificates that justify its round. */
public record ProposalMsg(Block proposal, SyncInfo syncInfo) implements ConsensusMsg {
  public static ProposalMsg decode(BcsReader r) throws BcsException {
    r.enter();
    ProposalMsg m = new ProposalMsg(Block.decode(r), SyncInfo.decode(r));
    r.leave();
    return m;
  }

  @Override
  public void serialize(BcsWriter w) {
    proposal.serialize(w);
    syncInfo.serialize(w);
  }

  @Override
  public int variant() {
    return 3;
  }

  @Override
  public long epoch() {
    return proposal.epoch();
  }

  public AccountAddress author() {
    return proposal.author().orElseThrow();
  }

  /**
   * Checks it is a signed proposal whose round directly follows the highest certificate shown
   * (its own QC or the sync info's timeout certificate), then the signatures.
   */
  public void verify(ValidatorVerifier verifier, SignatureChecker checker) throws VerifyException {
    if (proposal.author().isEmpty()) {
      throw new VerifyException(VerifyException.Kind.INCONSISTENT, "proposal without author");
    }
    if (syncInfo.epoch() != proposal.epoch()) {
      throw new VerifyException(VerifyException.Kind.WRONG_EPOCH, "sync info of another epoch");
    }
    long justified =
        Math.max(proposal.quorumCert().round(), syncInfo.highestTimeoutRound());
    if (proposal.round() != justified + 1) {
      throw new VerifyException(
          VerifyException.Kind.INCONSISTENT,
          "proposal round " + proposal.round() + " does not follow certificate round " + justified);
    }
    proposal.verify(verifier, checker);
    syncInfo.verify(verifier, checker);
  }
}
