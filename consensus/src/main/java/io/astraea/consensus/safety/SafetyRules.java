package io.astraea.consensus.safety;

import io.astraea.consensus.types.Block;
import io.astraea.consensus.types.BlockData;
import io.astraea.consensus.types.BlockType;
import io.astraea.consensus.types.QuorumCert;
import io.astraea.consensus.types.SignatureChecker;
import io.astraea.consensus.types.TwoChainTimeout;
import io.astraea.consensus.types.TwoChainTimeoutCertificate;
import io.astraea.consensus.types.Vote;
import io.astraea.consensus.types.VoteData;
import io.astraea.crypto.AccountAddress;
import io.astraea.crypto.Ed25519Signature;
import io.astraea.crypto.quorum.BlockInfo;
import io.astraea.crypto.quorum.EpochState;
import io.astraea.crypto.quorum.LedgerInfo;
import io.astraea.crypto.quorum.VerifyException;
import java.util.Optional;

/**
 * The 2-chain safety rules: the only code that holds the consensus key. Before any signature is
 * returned, the {@link SafetyData} that justifies it is stored durably, so a validator never
 * signs two different votes for a round, never votes in a round it timed out in, and never
 * votes for a block that could fork a committed one, even across crashes.
 *
 * <p>Voting rule: {@code round > last_voted_round} and either {@code round == qc.round + 1} or
 * {@code round == tc.round + 1 && qc.round >= tc.highest_hqc_round}. Timeout rule: the round
 * follows the timeout's QC or the given TC, and that QC is at least the one-chain round.
 *
 * <p>Not thread-safe; one thread owns consensus state.
 */
public class SafetyRules {
  private final ConsensusSigner signer;
  private final SafetyStorage storage;
  private final SignatureChecker checker;
  private EpochState epochState;

  public SafetyRules(ConsensusSigner signer, SafetyStorage storage, SignatureChecker checker) {
    this.signer = signer;
    this.storage = storage;
    this.checker = checker;
  }

  public AccountAddress author() {
    return signer.author();
  }

  /**
   * Enters {@code state}'s epoch. Stored data of an older epoch is reset (and stored); data of a
   * newer epoch means this instance is behind, and it refuses to start.
   */
  public void startEpoch(EpochState state) throws SafetyException {
    SafetyData data = storage.load();
    if (data == null || data.epoch() < state.epoch()) {
      storage.store(SafetyData.initial(state.epoch()));
    } else if (data.epoch() > state.epoch()) {
      throw new SafetyException(
          SafetyException.Reason.WRONG_EPOCH,
          "stored safety data is of epoch " + data.epoch() + ", asked to start " + state.epoch());
    }
    this.epochState = state;
  }

  /** The current durable safety data (for metrics and tests). */
  public SafetyData safetyData() {
    return storage.load();
  }

  /**
   * Signs a proposal this validator authors: the round must be above its last voted round and
   * the parent certificate valid.
   */
  public Ed25519Signature signProposal(BlockData data) throws SafetyException {
    SafetyData sd = load(data.epoch());
    if (!(data.blockType() instanceof BlockType.Proposal p)
        || !p.author().equals(signer.author())) {
      throw new SafetyException(SafetyException.Reason.INVALID_PROPOSAL, "not our proposal");
    }
    if (data.round() <= sd.lastVotedRound()) {
      throw new SafetyException(
          SafetyException.Reason.ROUND_ALREADY_VOTED,
          "proposal round " + data.round() + " <= last voted round " + sd.lastVotedRound());
    }
    verifyQc(data.quorumCert());
    return signer.sign(data.signingMessage());
  }

  /**
   * Votes for {@code block}, executed to {@code executed}. Asked again for the round of the last
   * vote, returns that same vote. The vote's ledger info commits the parent when the block's
   * round directly follows its QC's round.
   */
  public Vote constructAndSignVote(
      Block block, BlockInfo executed, Optional<TwoChainTimeoutCertificate> tc)
      throws SafetyException {
    SafetyData sd = load(block.epoch());
    if (!executed.id().equals(block.id())
        || executed.round() != block.round()
        || executed.epoch() != block.epoch()) {
      throw new SafetyException(
          SafetyException.Reason.INVALID_PROPOSAL, "execution result is of another block");
    }
    QuorumCert qc = block.quorumCert();
    verifyQc(qc);
    if (tc.isPresent()) {
      verifyTc(tc.get());
    }
    if (sd.lastVote().isPresent() && sd.lastVote().get().round() == block.round()) {
      return sd.lastVote().get();
    }
    if (!passesLastVotedRound(block.round(), sd)) {
      throw new SafetyException(
          SafetyException.Reason.ROUND_ALREADY_VOTED,
          "round " + block.round() + " <= last voted round " + sd.lastVotedRound());
    }
    if (!safeToVote(block.round(), qc.round(), tc)) {
      throw new SafetyException(
          SafetyException.Reason.NOT_SAFE_TO_VOTE,
          "round " + block.round() + " with qc round " + qc.round() + " and " + tc);
    }
    sd = observeQc(sd.withLastVotedRound(Math.max(sd.lastVotedRound(), block.round())), qc);
    BlockInfo parent = qc.certifiedBlock();
    VoteData voteData = new VoteData(executed, parent);
    BlockInfo commit =
        parent.round() + 1 == executed.round() ? parent : QuorumCert.EMPTY_COMMIT_INFO;
    LedgerInfo li = new LedgerInfo(commit, voteData.hash());
    Ed25519Signature sig = signer.sign(li.signingMessage());
    Vote vote = new Vote(voteData, signer.author(), li, sig, Optional.empty());
    storage.store(sd.withLastVote(vote));
    return vote;
  }

  /**
   * Signs a timeout of {@code timeout.round()}. Allowed again for the same round (a re-sent
   * timeout), never for a round below the last voted one.
   */
  public Ed25519Signature signTimeout(
      TwoChainTimeout timeout, Optional<TwoChainTimeoutCertificate> tc) throws SafetyException {
    SafetyData sd = load(timeout.epoch());
    try {
      timeout.verify(epochState.verifier(), checker);
    } catch (VerifyException e) {
      throw new SafetyException(SafetyException.Reason.INVALID_PROPOSAL, e.getMessage());
    }
    if (tc.isPresent()) {
      verifyTc(tc.get());
    }
    long round = timeout.round();
    long qcRound = timeout.hqcRound();
    long tcRound = tc.map(TwoChainTimeoutCertificate::round).orElse(0L);
    if (!((round == qcRound + 1 || round == tcRound + 1) && qcRound >= sd.oneChainRound())) {
      throw new SafetyException(
          SafetyException.Reason.NOT_SAFE_TO_TIMEOUT,
          "round " + round + " qc " + qcRound + " tc " + tcRound + " one-chain " + sd.oneChainRound());
    }
    if (round < sd.lastVotedRound()) {
      throw new SafetyException(
          SafetyException.Reason.ROUND_ALREADY_VOTED,
          "timeout round " + round + " < last voted round " + sd.lastVotedRound());
    }
    SafetyData next =
        sd.withLastVotedRound(round)
            .withHighestTimeoutRound(Math.max(sd.highestTimeoutRound(), round));
    if (!next.equals(sd)) {
      storage.store(next);
    }
    return signer.sign(timeout.signingMessage());
  }

  /** The last-voted-round rule: a new vote must be for a round above every earlier vote. */
  protected boolean passesLastVotedRound(long round, SafetyData data) {
    return round > data.lastVotedRound();
  }

  /** The 2-chain voting rule. */
  protected boolean safeToVote(long round, long qcRound, Optional<TwoChainTimeoutCertificate> tc) {
    if (round == qcRound + 1) {
      return true;
    }
    return tc.isPresent() && round == tc.get().round() + 1 && qcRound >= tc.get().highestHqcRound();
  }

  private static SafetyData observeQc(SafetyData sd, QuorumCert qc) {
    return sd.withChainRounds(
        Math.max(sd.preferredRound(), qc.parentBlock().round()),
        Math.max(sd.oneChainRound(), qc.certifiedBlock().round()));
  }

  private SafetyData load(long epoch) throws SafetyException {
    if (epochState == null) {
      throw new SafetyException(SafetyException.Reason.WRONG_EPOCH, "no epoch started");
    }
    SafetyData sd = storage.load();
    if (sd == null) {
      sd = SafetyData.initial(epochState.epoch());
      storage.store(sd);
    }
    if (epoch != epochState.epoch() || sd.epoch() != epoch) {
      throw new SafetyException(
          SafetyException.Reason.WRONG_EPOCH,
          "request for epoch " + epoch + ", safety rules in epoch " + sd.epoch());
    }
    return sd;
  }

  private void verifyQc(QuorumCert qc) throws SafetyException {
    try {
      qc.verify(epochState.verifier(), checker);
    } catch (VerifyException e) {
      throw new SafetyException(SafetyException.Reason.INVALID_PROPOSAL, e.getMessage());
    }
  }

  private void verifyTc(TwoChainTimeoutCertificate tc) throws SafetyException {
    try {
      tc.verify(epochState.verifier(), checker);
    } catch (VerifyException e) {
      throw new SafetyException(SafetyException.Reason.INVALID_PROPOSAL, e.getMessage());
    }
  }
}
