package io.astraea.consensus.liveness;

import io.astraea.crypto.AccountAddress;
import io.astraea.crypto.HashValue;
import io.astraea.crypto.Sha3;
import io.astraea.crypto.bcs.BcsWriter;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Reputation-based leader election: a validator that neither proposed nor signed the certificate
 * carried by any of the last {@code window} committed blocks (seen {@code lag} rounds back, so that every
 * validator agrees on them) keeps only a small weight, so rounds are rarely given to a crashed
 * or cut-off validator. The pick is a deterministic weighted draw seeded by epoch and round.
 * Until {@code window} blocks have committed, it falls back to round-robin.
 *
 * <p>Every validator must pick the same leaders, so the history must be a function of the
 * committed chain alone: records are learnt as blocks commit, and replaced by the ledger's own
 * record of the epoch's latest committed blocks ({@link #restoreHistory}) when a validator starts
 * and after a state sync skipped blocks. Without that, a validator that restarted or fast-forwarded
 * would pick other leaders than its peers until {@code window} new blocks committed, and if more
 * than a third of the voting power disagreed, nothing would commit and the histories would never
 * converge. The {@code lag} covers the rounds in which validators may not yet have committed the
 * same blocks.
 */
public final class ReputationElection implements ProposerElection {
  /**
   * An inactive validator leads one round in about {@code (n - 1) * ACTIVE_WEIGHT} while the
   * others are active: rarely enough that a crashed one costs a round timeout every couple of
   * minutes on a busy four-validator network (about 24 rounds a second under a 100 transfers/s
   * load), not every few seconds as at 100 to 1; still often enough that a validator that is
   * back gets the rounds that make it active again.
   */
  static final long ACTIVE_WEIGHT = 1000;
  static final long INACTIVE_WEIGHT = 1;

  private final long epoch;
  private final List<AccountAddress> validators;
  private final int window;
  private final long lag;
  private final Deque<CommitRecord> history = new ArrayDeque<>();
  private final RoundRobinElection fallback;

  public ReputationElection(long epoch, List<AccountAddress> validators, int window, long lag) {
    if (window <= 0 || lag < 0) {
      throw new IllegalArgumentException("window must be positive, lag non-negative");
    }
    this.epoch = epoch;
    this.validators = validators.stream().sorted().toList();
    this.window = window;
    this.lag = lag;
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

  /** The records kept: the window, the lag's worth of records it skips, and slack. */
  @Override
  public int historyNeeded() {
    return (int) Math.min(Integer.MAX_VALUE, 4L * window + lag);
  }

  @Override
  public void restoreHistory(List<CommitRecord> committed) {
    history.clear();
    committed.forEach(this::onCommit);
  }

  @Override
  public AccountAddress proposer(long round) {
    Set<AccountAddress> active = new HashSet<>();
    int seen = 0;
    for (Iterator<CommitRecord> it = history.descendingIterator(); it.hasNext() && seen < window; ) {
      CommitRecord r = it.next();
      if (r.round() + lag > round) {
        continue;
      }
      seen++;
      r.proposer().ifPresent(active::add);
      active.addAll(r.voters());
    }
    if (seen < window) {
      return fallback.proposer(round);
    }
    long total = 0;
    for (AccountAddress v : validators) {
      total += active.contains(v) ? ACTIVE_WEIGHT : INACTIVE_WEIGHT;
    }
    HashValue seed = Sha3.hash(new BcsWriter(16).writeU64(epoch).writeU64(round).toByteArray());
    long draw = Long.remainderUnsigned(firstLong(seed), total);
    for (AccountAddress v : validators) {
      draw -= active.contains(v) ? ACTIVE_WEIGHT : INACTIVE_WEIGHT;
      if (draw < 0) {
        return v;
      }
    }
    return validators.get(validators.size() - 1);
  }

  private static long firstLong(HashValue h) {
    long v = 0;
    for (int i = 0; i < 8; i++) {
      v = (v << 8) | (h.byteAt(i) & 0xFF);
    }
    return v;
  }
}
