package io.astraea.consensus;

import io.astraea.crypto.quorum.VerifyException;
import java.util.EnumMap;
import java.util.Map;

/**
 * Event counts a node exports as metrics: what was rejected and why, equivocations seen, safety
 * refusals, rounds, commits and timeouts. Only the consensus thread writes them.
 */
public final class ConsensusCounters {
  private final Map<VerifyException.Kind, Long> rejected = new EnumMap<>(VerifyException.Kind.class);
  long equivocatingProposals;
  long equivocatingVotes;
  long invalidProposers;
  long safetyRefusals;
  long committedBlocks;
  long roundsEntered;
  long localTimeouts;
  long proposals;
  long votes;
  long fastForwards;
  long retrievals;
  long staleMessages;
  long decodeOrEpochErrors;

  void reject(VerifyException.Kind kind) {
    rejected.merge(kind, 1L, Long::sum);
  }

  public long rejected(VerifyException.Kind kind) {
    return rejected.getOrDefault(kind, 0L);
  }

  public long equivocatingProposals() {
    return equivocatingProposals;
  }

  public long equivocatingVotes() {
    return equivocatingVotes;
  }

  public long invalidProposers() {
    return invalidProposers;
  }

  public long safetyRefusals() {
    return safetyRefusals;
  }

  public long committedBlocks() {
    return committedBlocks;
  }

  public long roundsEntered() {
    return roundsEntered;
  }

  public long localTimeouts() {
    return localTimeouts;
  }

  public long proposals() {
    return proposals;
  }

  public long votes() {
    return votes;
  }

  public long fastForwards() {
    return fastForwards;
  }

  public long retrievals() {
    return retrievals;
  }

  public long staleMessages() {
    return staleMessages;
  }

  public long epochErrors() {
    return decodeOrEpochErrors;
  }
}
