package io.astraea.consensus;

import io.astraea.consensus.liveness.ProposerElection;
import io.astraea.consensus.liveness.ReputationElection;
import io.astraea.consensus.liveness.RoundRobinElection;
import io.astraea.consensus.liveness.RoundTimeouts;
import io.astraea.crypto.quorum.EpochState;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Tuning of the consensus core. Build with {@link #builder()}; every setting has a default.
 *
 * @param roundTimeouts round timeout policy
 * @param idleProposalInterval how long after its parent a leader with nothing to propose still
 *     proposes an empty block (keeps an idle network committing about once a second)
 * @param proposalPoll how often a waiting leader asks the payload source again
 * @param maxClockSkew how far in the future a proposal's timestamp may be
 * @param retrievalTimeout after which an unanswered block retrieval may be re-sent
 * @param maxRetrievalBlocks largest chain fetched block by block before a fast-forward sync
 * @param election proposer election for an epoch
 */
public record ConsensusConfig(
    RoundTimeouts roundTimeouts,
    Duration idleProposalInterval,
    Duration proposalPoll,
    Duration maxClockSkew,
    Duration retrievalTimeout,
    int maxRetrievalBlocks,
    Function<EpochState, ProposerElection> election) {

  public ConsensusConfig {
    Objects.requireNonNull(roundTimeouts);
    Objects.requireNonNull(election);
    if (idleProposalInterval.isNegative()
        || proposalPoll.isNegative()
        || proposalPoll.isZero()
        || maxClockSkew.isNegative()
        || retrievalTimeout.isNegative()
        || maxRetrievalBlocks < 2) {
      throw new IllegalArgumentException("invalid consensus configuration");
    }
    if (idleProposalInterval.compareTo(roundTimeouts.base()) >= 0) {
      throw new IllegalArgumentException("idle proposal interval must be below the round timeout");
    }
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Round-robin election, one round per leader turn. */
  public static Function<EpochState, ProposerElection> roundRobin() {
    return s -> new RoundRobinElection(List.copyOf(s.verifier().addresses()), 1);
  }

  /** Blocks whose proposer and certificate signers make a validator active: see {@link #reputation()}. */
  public static final int REPUTATION_WINDOW = 10;
  /** Rounds a committed block waits before it counts: see {@link #reputation()}. */
  public static final long REPUTATION_LAG = 5;
  /** One round in this many goes to an active validator on probation: see {@link #reputation()}. */
  public static final long REPUTATION_PROBATION = 40;

  /**
   * Reputation election over the last {@code window} committed blocks at least {@code lag}
   * rounds old, with one round in {@code probation} for active validators that have not led lately
   * ({@link ReputationElection}).
   */
  public static Function<EpochState, ProposerElection> reputation(int window, long lag, long probation) {
    return s ->
        new ReputationElection(List.copyOf(s.verifier().addresses()), window, lag, probation);
  }

  /**
   * The election of a production network (the builder's default), the same on every validator by
   * construction (it is not a per-node setting: validators that chose differently would disagree
   * on every leader): reputation over the last {@value #REPUTATION_WINDOW} committed blocks,
   * {@value #REPUTATION_LAG} rounds back ({@link ReputationElection}). With every validator taking
   * part it picks exactly round-robin's leaders; a crashed validator stops getting turns once it is
   * absent from ten committed blocks, where round-robin keeps giving it every n-th round and so a
   * round timeout each time. Five rounds cover the two a block needs to commit under the 2-chain
   * rule, with room for a slow certificate. A validator that votes but whose proposals never commit
   * leads one round in {@value #REPUTATION_PROBATION} instead of one in n: its failed turns cost
   * two round timeouts each, about 3 s, so at one in 40 they leave most of the network's pace; the
   * price is that a validator back after missing twenty blocks or more waits for a probation round
   * (at most 40 rounds per validator on probation) before it leads again.
   */
  public static Function<EpochState, ProposerElection> reputation() {
    return reputation(REPUTATION_WINDOW, REPUTATION_LAG, REPUTATION_PROBATION);
  }

  /** Builder with the defaults of a production network. */
  public static final class Builder {
    private RoundTimeouts roundTimeouts = RoundTimeouts.DEFAULT;
    private Duration idleProposalInterval = Duration.ofMillis(1000);
    private Duration proposalPoll = Duration.ofMillis(50);
    private Duration maxClockSkew = Duration.ofSeconds(5);
    private Duration retrievalTimeout = Duration.ofMillis(500);
    private int maxRetrievalBlocks = 32;
    private Function<EpochState, ProposerElection> election = reputation();

    public Builder roundTimeouts(RoundTimeouts v) {
      roundTimeouts = v;
      return this;
    }

    public Builder idleProposalInterval(Duration v) {
      idleProposalInterval = v;
      return this;
    }

    public Builder proposalPoll(Duration v) {
      proposalPoll = v;
      return this;
    }

    public Builder maxClockSkew(Duration v) {
      maxClockSkew = v;
      return this;
    }

    public Builder retrievalTimeout(Duration v) {
      retrievalTimeout = v;
      return this;
    }

    public Builder maxRetrievalBlocks(int v) {
      maxRetrievalBlocks = v;
      return this;
    }

    public Builder election(Function<EpochState, ProposerElection> v) {
      election = v;
      return this;
    }

    public ConsensusConfig build() {
      return new ConsensusConfig(
          roundTimeouts,
          idleProposalInterval,
          proposalPoll,
          maxClockSkew,
          retrievalTimeout,
          maxRetrievalBlocks,
          election);
    }
  }
}
