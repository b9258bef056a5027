package io.astraea.consensus.liveness;

import io.astraea.crypto.AccountAddress;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Reputation-based leader election: the validators that proposed or signed the certificate carried
 * by any of the last {@code window} committed blocks (seen {@code lag} rounds back, so that the
 * validators agree on them) take turns, in address order, and the others are passed over, so a
 * crashed or cut-off validator stops costing a round timeout once it is absent from that many
 * blocks. Round-robin over every validator is used until {@code window} blocks have committed, and
 * whenever the newest of them is more than {@code window} rounds older than the lag allows (nothing
 * has committed for a while: the history may be what keeps the network from committing).
 *
 * <p>An active validator that proposed none of the last {@code max(2 × window, 2 × validators)}
 * committed blocks, though it had turns to, is on probation: it leads only one round in
 * {@code probationEvery} (the probationers taking those rounds in turn), and the others take turns
 * in the rest. That is a validator that votes but whose proposals never make it (withheld, or lost
 * on its outbound links): without probation it would cost two round timeouts at each of its turns
 * (its own, and the round before, whose votes it gathers and never passes on), as under
 * round-robin. A validator that proposes again on its probation round leads as before once that
 * block commits. The proposer window is twice the active window so that a crashed validator leaves
 * the turns before the validator whose turn precedes its own leaves the leaders: that one's blocks
 * never commit while the crashed validator holds their votes.
 *
 * <p>Why turns and not a draw weighted by reputation: a block commits under the 2-chain rule when
 * three leaders in a row are live (the block's, the next one's, and the one that gathers the votes
 * on the next block). Right after a crash the history still counts the crashed validator as
 * active, and while nothing commits it stays so; turns then behave as round-robin does (for four
 * validators, three live leaders in every four rounds), where a random draw can go many rounds
 * without three live leaders in a row: on a four-process testnet with one validator killed it
 * stalled an idle network for more than 40 s in 2 of 4 runs. And why the fallback: if the history
 * itself keeps the network from committing (more leaders on it fail than the turns can absorb),
 * round-robin over all, once commits stop, brings every validator back in.
 *
 * <p>Every validator must pick the same leaders, so the history must be a function of the
 * committed chain alone: records are learnt as blocks commit, and replaced by the ledger's own
 * record of the epoch's latest committed blocks ({@link #restoreHistory}) when a validator starts
 * and after a state sync skipped blocks. Without that, a validator that restarted or fast-forwarded
 * would pick other leaders than its peers until {@code window} new blocks committed, and if more
 * than a third of the voting power disagreed, nothing would commit and the histories would never
 * converge. The {@code lag} covers the rounds in which validators may not yet have committed the
 * same blocks; a block that commits later than that (after timeouts) can still make validators
 * disagree for a round.
 */
public final class ReputationElection implements ProposerElection {
  private final List<AccountAddress> validators;
  private final int window;
  private final long lag;
  private final long probationEvery;
  private final int proposerWindow;
  private final Deque<CommitRecord> history = new ArrayDeque<>();
  private final RoundRobinElection fallback;

  /**
   * @param probationEvery one round in this many goes to an active validator that proposed none of
   *     the blocks of the proposer window (see the class comment)
   */
  public ReputationElection(List<AccountAddress> validators, int window, long lag, long probationEvery) {
    if (window <= 0 || lag < 0 || probationEvery <= 0) {
      throw new IllegalArgumentException("window and probation must be positive, lag non-negative");
    }
    this.validators = validators.stream().sorted().toList();
    this.window = window;
    this.lag = lag;
    this.probationEvery = probationEvery;
    // Why twice the active window: see the class comment. Twice the validators: every validator
    // taking turns has had two turns in that many blocks.
    this.proposerWindow = Math.max(2 * window, 2 * this.validators.size());
    this.fallback = new RoundRobinElection(this.validators, 1);
  }

  @Override
  public void onCommit(CommitRecord record) {
    if (!history.isEmpty() && history.peekLast().round() >= record.round()) {
      return;
    }
    history.addLast(record);
    while (history.size() > historyNeeded()) {
      history.removeFirst();
    }
  }

  /** The records kept: the longer of the two windows, the lag's worth of records it skips, and slack. */
  @Override
  public int historyNeeded() {
    return (int) Math.min(Integer.MAX_VALUE, Math.max(4L * window, proposerWindow) + lag);
  }

  @Override
  public void restoreHistory(List<CommitRecord> committed) {
    history.clear();
    committed.forEach(this::onCommit);
  }

  @Override
  public AccountAddress proposer(long round) {
    Set<AccountAddress> active = new HashSet<>();
    Set<AccountAddress> proposed = new HashSet<>();
    int seen = 0;
    long newest = -1;
    for (Iterator<CommitRecord> it = history.descendingIterator();
        it.hasNext() && seen < proposerWindow; ) {
      CommitRecord r = it.next();
      if (r.round() + lag > round) {
        continue;
      }
      if (seen == 0) {
        newest = r.round();
      }
      if (seen < window) {
        r.proposer().ifPresent(active::add);
        active.addAll(r.voters());
      }
      r.proposer().ifPresent(proposed::add);
      seen++;
    }
    if (seen < window || newest + lag + window < round) {
      return fallback.proposer(round);
    }
    List<AccountAddress> turns = validators.stream().filter(active::contains).toList();
    if (turns.isEmpty()) {
      return fallback.proposer(round); // records naming only validators of another set
    }
    if (seen < proposerWindow) {
      return pick(turns, round); // too few blocks yet to tell who failed to lead
    }
    List<AccountAddress> leading = turns.stream().filter(proposed::contains).toList();
    List<AccountAddress> probation = turns.stream().filter(a -> !proposed.contains(a)).toList();
    if (!probation.isEmpty() && Long.remainderUnsigned(round, probationEvery) == 0) {
      return pick(probation, Long.divideUnsigned(round, probationEvery));
    }
    return pick(leading.isEmpty() ? turns : leading, round);
  }

  private static AccountAddress pick(List<AccountAddress> turns, long turn) {
    return turns.get((int) Long.remainderUnsigned(turn, turns.size()));
  }
}
