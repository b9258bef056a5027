package io.astraea.consensus;

import io.astraea.consensus.blocks.ExecutedBlock;
import io.astraea.consensus.types.ConsensusMsg;
import io.astraea.crypto.AccountAddress;
import io.astraea.crypto.quorum.EpochState;
import io.astraea.crypto.quorum.LedgerInfoWithSignatures;
import java.time.Duration;
import java.util.List;

/** An output of the consensus core, for the node to carry out in order. */
public sealed interface Action {
  /**
   * Send {@code message} to one validator. That may be this node itself (a vote for the round
   * this node leads next): deliver it back as an {@link Event.MessageReceived}.
   */
  record Send(AccountAddress to, ConsensusMsg message) implements Action {}

  /**
   * Send {@code message} to every other validator of the current epoch; the core has already
   * processed its own copy.
   */
  record Broadcast(ConsensusMsg message) implements Action {}

  /** Deliver {@link Event.LocalTimeout} for this round after {@code delay}. */
  record ScheduleTimeout(long epoch, long round, Duration delay) implements Action {}

  /** Deliver {@link Event.ProposalTimer} for this round after {@code delay}. */
  record ScheduleProposal(long epoch, long round, Duration delay) implements Action {}

  /**
   * Commit {@code blocks} (oldest first) to the ledger with the quorum's proof; persist
   * {@code recovery} so a restart resumes from here.
   */
  record Commit(List<ExecutedBlock> blocks, LedgerInfoWithSignatures proof, RecoveryData recovery)
      implements Action {
    public Commit {
      blocks = List.copyOf(blocks);
    }
  }

  /**
   * The ledger must catch up to {@code target} by state sync (this node skipped the blocks in
   * between); then persist {@code recovery}. The sync must be complete before the next event is
   * handed to the core: on that event the core executes the block certified on top of
   * {@code target}, which needs the synced state.
   */
  record SyncTo(LedgerInfoWithSignatures target, RecoveryData recovery) implements Action {}

  /**
   * Persist {@code recovery} (replacing the previous one) before carrying out the actions after
   * this one: certificates arrived without a commit, and a restart must resume from them.
   */
  record Persist(RecoveryData recovery) implements Action {}

  /** The epoch ended; the core now runs {@code next}. */
  record EpochChanged(EpochState next, LedgerInfoWithSignatures proof) implements Action {}
}
