package io.astraea.consensus.liveness;

import io.astraea.consensus.types.Block;
import io.astraea.consensus.types.Vote;
import io.astraea.crypto.quorum.ValidatorVerifier;
import java.time.Duration;
import java.util.Optional;

/**
 * The pacemaker's view of the current round: entered when a certificate for the previous round
 * (QC or TC) is seen; its timeout grows with the rounds since the last commit. Also holds the
 * round's pending votes and whether this validator already voted or proposed in it.
 */
public final class RoundState {
  private final RoundTimeouts timeouts;
  private final ValidatorVerifier verifier;
  private long currentRound;
  private long highestCommittedRound;
  private PendingVotes pendingVotes;
  private Vote voteSent;
  private Block proposalSeen;
  private boolean proposed;
  private Duration currentTimeout = Duration.ZERO;

  public RoundState(RoundTimeouts timeouts, ValidatorVerifier verifier) {
    this.timeouts = timeouts;
    this.verifier = verifier;
    this.pendingVotes = new PendingVotes(verifier);
  }

  public long currentRound() {
    return currentRound;
  }

  /**
   * Moves to {@code max(qcRound, tcRound) + 1} if that is ahead. Returns the timeout of the new
   * round, or empty if the round did not change.
   */
  public Optional<Duration> processCertificates(long qcRound, long tcRound, long committedRound) {
    highestCommittedRound = Math.max(highestCommittedRound, committedRound);
    long next = Math.max(qcRound, tcRound) + 1;
    if (next <= currentRound) {
      return Optional.empty();
    }
    currentRound = next;
    pendingVotes = new PendingVotes(verifier);
    voteSent = null;
    proposalSeen = null;
    proposed = false;
    currentTimeout = timeouts.timeoutFor(currentRound - highestCommittedRound - 2);
    return Optional.of(currentTimeout);
  }

  public Duration currentTimeout() {
    return currentTimeout;
  }

  public PendingVotes pendingVotes() {
    return pendingVotes;
  }

  public Optional<Vote> voteSent() {
    return Optional.ofNullable(voteSent);
  }

  public void recordVote(Vote vote) {
    this.voteSent = vote;
  }

  /** The first valid proposal seen this round, if any. */
  public Optional<Block> proposalSeen() {
    return Optional.ofNullable(proposalSeen);
  }

  public void recordProposalSeen(Block block) {
    this.proposalSeen = block;
  }

  public boolean proposed() {
    return proposed;
  }

  public void recordProposal() {
    this.proposed = true;
  }
}
