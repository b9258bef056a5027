package io.astraea.bench.consensus;

import io.astraea.consensus.Action;
import io.astraea.consensus.ConsensusCore;
import io.astraea.consensus.Event;
import io.astraea.consensus.types.Block;
import io.astraea.consensus.types.ProposalMsg;
import io.astraea.consensus.types.QuorumCert;
import io.astraea.consensus.types.Vote;
import io.astraea.consensus.types.VoteData;
import io.astraea.consensus.types.VoteMsg;
import io.astraea.crypto.AccountAddress;
import io.astraea.crypto.quorum.BlockInfo;
import io.astraea.crypto.quorum.LedgerInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The core's cost per vote as the aggregating leader, signatures excluded: validator 0 leads
 * every round; each operation delivers one of the three other validators' votes for its current
 * proposal. Every third vote completes a quorum certificate, which commits, enters the next round
 * and has the core propose again, so one operation is a third of a leader's round. The votes are
 * recorded once from a deterministic run and replayed into a fresh core when exhausted.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class VoteBenchmark {
  private static final int ROUNDS = 2048;
  private BenchValidators validators;
  private final List<VoteMsg> votes = new ArrayList<>();
  private final List<Long> times = new ArrayList<>();
  private ConsensusCore core;
  private int next;

  @Setup
  public void setUp() {
    validators = new BenchValidators();
    ConsensusCore recorder = fresh();
    List<Action> out = recorder.handle(new Event.Start(0));
    for (int round = 1; round <= ROUNDS; round++) {
      ProposalMsg p = proposal(out);
      Block b = p.proposal();
      BlockInfo parent = b.quorumCert().certifiedBlock();
      var r = validators.execute(b, parent);
      BlockInfo info = new BlockInfo(1, b.round(), b.id(), r.executedStateId(), r.version(),
          b.timestampUsecs(), Optional.empty());
      VoteData vd = new VoteData(info, parent);
      LedgerInfo li = new LedgerInfo(
          parent.round() + 1 == b.round() ? parent : QuorumCert.EMPTY_COMMIT_INFO, vd.hash());
      long now = round * 1000L;
      for (int v = 1; v <= 3; v++) {
        AccountAddress a = validators.addresses.get(v);
        Vote vote = new Vote(vd, a, li, validators.signer(v).sign(new byte[0]), Optional.empty());
        VoteMsg m = new VoteMsg(vote, p.syncInfo());
        votes.add(m);
        times.add(now);
        out = recorder.handle(new Event.MessageReceived(a, m, now));
      }
    }
    core = fresh();
    core.handle(new Event.Start(0));
  }

  private static ProposalMsg proposal(List<Action> actions) {
    for (Action a : actions) {
      if (a instanceof Action.Broadcast b && b.message() instanceof ProposalMsg p) {
        return p;
      }
    }
    throw new IllegalStateException("the leader did not propose");
  }

  private ConsensusCore fresh() {
    AccountAddress leader = validators.addresses.get(0);
    next = 0;
    return validators.core(0, BenchValidators.election(round -> leader));
  }

  @Benchmark
  public int vote() {
    if (next == votes.size()) {
      core = fresh();
      core.handle(new Event.Start(0));
    }
    int i = next++;
    VoteMsg m = votes.get(i);
    return core.handle(new Event.MessageReceived(m.vote().author(), m, times.get(i))).size();
  }
}
