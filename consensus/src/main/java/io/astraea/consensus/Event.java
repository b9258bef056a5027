package io.astraea.consensus;

import io.astraea.consensus.types.ConsensusMsg;
import io.astraea.crypto.AccountAddress;

/**
 * An input to the consensus core. Every event carries the node's current time in microseconds:
 * the core never reads a clock, so a replay of the same events yields the same actions.
 */
public sealed interface Event {
  long nowUsecs();

  /** Starts the core: enter the first round, schedule its timeout, propose if leader. */
  record Start(long nowUsecs) implements Event {}

  /** A decoded message from a peer (not yet verified: the core verifies it). */
  record MessageReceived(AccountAddress from, ConsensusMsg message, long nowUsecs)
      implements Event {}

  /** A {@link Action.ScheduleTimeout} fired. */
  record LocalTimeout(long epoch, long round, long nowUsecs) implements Event {}

  /** A {@link Action.ScheduleProposal} fired: the leader checks again whether to propose. */
  record ProposalTimer(long epoch, long round, long nowUsecs) implements Event {}
}
