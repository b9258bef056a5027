package io.astraea.consensus.sim;

import io.astraea.consensus.Action;
import io.astraea.consensus.ConsensusConfig;
import io.astraea.consensus.ConsensusCore;
import io.astraea.consensus.Event;
import io.astraea.consensus.ExecutionResult;
import io.astraea.consensus.RecoveryData;
import io.astraea.consensus.blocks.ExecutedBlock;
import io.astraea.consensus.liveness.CommitRecord;
import io.astraea.consensus.liveness.ProposerElection;
import io.astraea.consensus.liveness.RoundTimeouts;
import io.astraea.consensus.safety.SafetyRules;
import io.astraea.consensus.types.Block;
import io.astraea.consensus.types.BlockData;
import io.astraea.consensus.types.BlockRetrievalResponse;
import io.astraea.consensus.types.BlockType;
import io.astraea.consensus.types.ConsensusMsg;
import io.astraea.consensus.types.Payload;
import io.astraea.consensus.types.ProposalMsg;
import io.astraea.consensus.types.QuorumCert;
import io.astraea.consensus.types.SignatureChecker;
import io.astraea.consensus.types.TimeoutMsg;
import io.astraea.consensus.types.TwoChainTimeoutCertificate;
import io.astraea.consensus.types.Vote;
import io.astraea.consensus.types.VoteData;
import io.astraea.consensus.types.VoteMsg;
import io.astraea.crypto.AccountAddress;
import io.astraea.crypto.HashValue;
import io.astraea.crypto.Sha3;
import io.astraea.crypto.bcs.BcsException;
import io.astraea.crypto.quorum.BlockInfo;
import io.astraea.crypto.quorum.LedgerInfo;
import io.astraea.crypto.quorum.EpochState;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;

/**
 * Runs N consensus cores in one thread over a simulated clock and network. Everything random is
 * drawn from one {@link Random} seeded by the scenario's seed, and events are ordered by (time,
 * sequence), so a run replays exactly. Faults (partitions, drops, duplicates, delays, crashes)
 * apply until the scenario's heal time; after it the network is perfect and every honest node
 * must commit {@link Scenario#livenessBlocks} blocks within the liveness budget.
 */
public final class Simulation {
  private static final long MAX_EVENTS = 3_000_000;

  private sealed interface What {}

  private record Deliver(AccountAddress from, ConsensusMsg msg) implements What {}

  private record Timer(Event template) implements What {}

  private record Crash() implements What {}

  private record Restart() implements What {}

  private record Queued(long timeUs, long seq, int node, int incarnation, What what) {}

  private final class Node {
    final int index;
    final int key;
    final AccountAddress address;
    final SimSafetyStorage storage;
    final SimExecutor executor;
    RecoveryData persisted;
    ConsensusCore core;
    boolean up;
    int incarnation;
    long commitsAfterHeal;

    Node(int index, int key) {
      this.index = index;
      this.key = key;
      this.address = keys.address(key);
      this.storage = new SimSafetyStorage(scenario.variant.lazyStorage());
      this.executor = new SimExecutor(index, scenario.reconfigEvery, keys.verifier());
      this.persisted = genesis;
    }

    void boot() {
      SafetyRules rules =
          scenario.variant.create(keys.signer(key, scenario.realCrypto), storage, checker);
      core = new ConsensusCore(config, persisted, rules, executor, executor, checker);
      up = true;
    }
  }

  private final Scenario scenario;
  private final SimKeys keys;
  private final Random random;
  private final SignatureChecker checker;
  private final ConsensusConfig config;
  private final RecoveryData genesis;
  private final List<Node> nodes = new ArrayList<>();
  private final PriorityQueue<Queued> queue =
      new PriorityQueue<>((a, b) -> a.timeUs != b.timeUs
          ? Long.compare(a.timeUs, b.timeUs) : Long.compare(a.seq, b.seq));
  private final Invariants invariants;
  private final Set<Integer> faultyKeys;
  private final long healUs;
  private final long maxPartitionRound;
  private long seq;
  private long now;
  private long events;
  private boolean trace;
  private long traceFromUs = Long.getLong("astraea.sim.traceFromMs", 0L) * 1000;
  private long traceForUs = Long.getLong("astraea.sim.traceForMs", 3_000L) * 1000;
  private final java.util.Map<Long, Block> forged = new java.util.TreeMap<>();

  public Simulation(Scenario scenario) {
    this.scenario = scenario;
    this.keys = SimKeys.of(scenario.validators);
    this.random = new Random(scenario.seed);
    this.checker = keys.checker(scenario.realCrypto);
    this.faultyKeys = scenario.faultyKeys();
    this.invariants = new Invariants(faultyKeys);
    this.healUs = scenario.healMs * 1000;
    this.maxPartitionRound =
        scenario.roundPartitions.isEmpty() ? 0 : ((java.util.TreeMap<Long, ?>) scenario.roundPartitions).lastKey();
    this.config =
        ConsensusConfig.builder()
            .roundTimeouts(new RoundTimeouts(Duration.ofMillis(scenario.roundTimeoutMs), 1.2, 6))
            .idleProposalInterval(Duration.ofMillis(scenario.roundTimeoutMs / 2))
            .retrievalTimeout(Duration.ofMillis(300))
            .election(election())
            .build();
    EpochState first = keys.epochState(1);
    BlockInfo boot =
        new BlockInfo(0, 0, HashValue.ZERO,
            Sha3.hash("astraea-sim-genesis".getBytes(StandardCharsets.UTF_8)), 0, 0,
            Optional.of(first));
    this.genesis = RecoveryData.epochStart(new LedgerInfo(boot, HashValue.ZERO), first);
  }

  private Function<EpochState, ProposerElection> election() {
    Function<EpochState, ProposerElection> fallback =
        scenario.reputationElection ? ConsensusConfig.reputation() : ConsensusConfig.roundRobin();
    return state -> {
      ProposerElection base = fallback.apply(state);
      if (scenario.leaders.isEmpty() || state.epoch() != 1) {
        return base;
      }
      return new ProposerElection() {
        @Override
        public AccountAddress proposer(long round) {
          Integer k = scenario.leaders.get(round);
          return k == null ? base.proposer(round) : keys.address(k);
        }

        @Override
        public void onCommit(CommitRecord record) {
          base.onCommit(record);
        }
      };
    };
  }

  /** Runs the scenario to its end and reports what the checkers found. */
  public SimResult run() {
    for (int i = 0; i < scenario.nodes(); i++) {
      nodes.add(new Node(i, scenario.nodeKeys.get(i)));
    }
    for (Node n : nodes) {
      n.boot();
      enqueue(n.index, random.nextInt(5_000), new Timer(new Event.Start(0)));
    }
    for (Scenario.Crash c : scenario.crashes) {
      enqueue(c.node(), c.atMs() * 1000, new Crash());
      if (c.restartMs() >= 0) {
        enqueue(c.node(), c.restartMs() * 1000, new Restart());
      }
    }
    long deadline = healUs + scenario.livenessBudgetMs * 1000;
    while (!queue.isEmpty() && invariants.violations().isEmpty()) {
      Queued q = queue.poll();
      now = q.timeUs;
      if (now > deadline) {
        break;
      }
      if (++events > MAX_EVENTS) {
        invariants.violations().add("event budget exhausted at " + now / 1000 + "ms");
        break;
      }
      step(q);
      if (now >= healUs && live()) {
        break;
      }
    }
    long min = minHonestCommits();
    if (invariants.violations().isEmpty() && min < scenario.livenessBlocks) {
      invariants.violations().add("liveness: an honest node committed only " + min
          + " blocks in " + scenario.livenessBudgetMs + "ms after the heal");
    }
    long timeouts = 0;
    long epoch = 0;
    for (Node n : nodes) {
      if (!faultyKeys.contains(n.key)) {
        timeouts += n.core.counters().localTimeouts();
      }
      epoch = Math.max(epoch, n.core.epoch());
    }
    return new SimResult(
        scenario.seed, invariants.violations(), now / 1000, events, min, timeouts, epoch);
  }

  private boolean live() {
    return minHonestCommits() >= scenario.livenessBlocks;
  }

  private long minHonestCommits() {
    Set<Integer> faulty = faultyKeys;
    long min = Long.MAX_VALUE;
    for (Node n : nodes) {
      if (!faulty.contains(n.key) && n.up) {
        min = Math.min(min, n.commitsAfterHeal);
      }
    }
    return min == Long.MAX_VALUE ? 0 : min;
  }

  private void step(Queued q) {
    Node n = nodes.get(q.node);
    if (q.what instanceof Crash) {
      if (n.up) {
        n.up = false;
        n.incarnation++;
        n.storage.crash();
      }
      return;
    }
    if (q.what instanceof Restart) {
      if (!n.up) {
        n.incarnation++;
        n.boot();
        apply(n, n.core.handle(new Event.Start(now)));
      }
      return;
    }
    if (!n.up || q.incarnation != n.incarnation) {
      return;
    }
    Event e;
    if (q.what instanceof Deliver d) {
      ConsensusMsg msg = d.msg;
      if (scenario.wireCodec) {
        try {
          msg = ConsensusMsg.decode(msg.encode());
        } catch (BcsException ex) {
          invariants.violations().add("codec round trip failed: " + ex.getMessage());
          return;
        }
      }
      e = new Event.MessageReceived(d.from, msg, now);
    } else {
      Event t = ((Timer) q.what).template;
      if (t instanceof Event.LocalTimeout lt) {
        e = new Event.LocalTimeout(lt.epoch(), lt.round(), now);
      } else if (t instanceof Event.ProposalTimer pt) {
        e = new Event.ProposalTimer(pt.epoch(), pt.round(), now);
      } else {
        e = new Event.Start(now);
      }
    }
    apply(n, n.core.handle(e));
  }

  private void apply(Node n, List<Action> actions) {
    for (Action a : actions) {
      if (trace && now >= traceFromUs && now < traceFromUs + traceForUs) {
        System.out.println(now / 1000 + "ms node " + n.index + " r" + n.core.currentRound() + " " + describe(a));
      }
      if (a instanceof Action.Send s) {
        ConsensusMsg msg = adversary(n, s.message());
        observe(n, msg);
        if (s.to().equals(n.address)) {
          enqueueFor(n, now, new Deliver(n.address, msg));
        } else {
          for (Node m : nodes) {
            if (m.address.equals(s.to())) {
              transmit(n, m, msg);
            }
          }
        }
      } else if (a instanceof Action.Broadcast b) {
        if (n.key == scenario.muteProposerKey && b.message() instanceof ProposalMsg) {
          continue;
        }
        ConsensusMsg msg = adversary(n, b.message());
        observe(n, msg);
        for (Node m : nodes) {
          if (m != n) {
            transmit(n, m, msg);
          }
        }
      } else if (a instanceof Action.ScheduleTimeout t) {
        enqueueFor(n, now + t.delay().toNanos() / 1000,
            new Timer(new Event.LocalTimeout(t.epoch(), t.round(), 0)));
      } else if (a instanceof Action.ScheduleProposal p) {
        enqueueFor(n, now + p.delay().toNanos() / 1000,
            new Timer(new Event.ProposalTimer(p.epoch(), p.round(), 0)));
      } else if (a instanceof Action.Commit c) {
        for (ExecutedBlock b : c.blocks()) {
          invariants.register(b.block());
          n.executor.committed(b.block());
          invariants.onCommit(n.index, n.key, b.info(), now / 1000);
          if (now >= healUs && b.round() > maxPartitionRound) {
            n.commitsAfterHeal++;
          }
        }
      } else if (a instanceof Action.SyncTo st) {
        BlockInfo target = st.target().ledgerInfo().commitInfo();
        if (invariants.block(target.id()) != null) {
          invariants.onCommit(n.index, n.key, target, now / 1000);
        }
        n.executor.syncedTo(target.id(), invariants::block);
      }
    }
    n.persisted = n.core.recoveryData();
  }

  /** Per node: commits after the heal, round, epoch and counters (for investigating a run). */
  public String debugNodes() {
    StringBuilder b = new StringBuilder();
    for (Node n : nodes) {
      var c = n.core.counters();
      b.append("node ").append(n.index).append(" up=").append(n.up)
          .append(" commitsAfterHeal=").append(n.commitsAfterHeal)
          .append(" round=").append(n.core.currentRound())
          .append(" committedRound=").append(n.core.committedInfo().round())
          .append(" invalidProposers=").append(c.invalidProposers())
          .append(" timeouts=").append(c.localTimeouts())
          .append(" votes=").append(c.votes())
          .append(" ff=").append(c.fastForwards())
          .append(" retrievals=").append(c.retrievals())
          .append('\n');
    }
    return b.toString();
  }

  /** Prints every action to stdout while the first three simulated seconds run (debugging). */
  public Simulation trace() {
    trace = true;
    return this;
  }

  private static String describe(Action a) {
    if (a instanceof Action.Send s) {
      return "send " + s.to().toHex().substring(30) + " " + brief(s.message());
    }
    if (a instanceof Action.Broadcast b) {
      return "broadcast " + brief(b.message());
    }
    if (a instanceof Action.Commit c) {
      return "commit " + c.blocks();
    }
    return a.toString();
  }

  private static String brief(ConsensusMsg m) {
    if (m instanceof ProposalMsg p) {
      return "proposal " + p.proposal() + " " + p.syncInfo();
    }
    if (m instanceof VoteMsg v) {
      return "vote r" + v.vote().round() + " for " + v.vote().voteData().proposed().id();
    }
    if (m instanceof TimeoutMsg t) {
      return "timeout r" + t.round() + " hqc " + t.timeout().hqcRound();
    }
    return m.getClass().getSimpleName();
  }

  private void observe(Node n, ConsensusMsg msg) {
    if (msg instanceof VoteMsg v) {
      invariants.onVote(n.key, v.vote(), now / 1000);
    } else if (msg instanceof TimeoutMsg t) {
      invariants.onTimeout(n.key, t.epoch(), t.round(), now / 1000);
    } else if (msg instanceof ProposalMsg p) {
      invariants.register(p.proposal());
    } else if (msg instanceof BlockRetrievalResponse r) {
      r.blocks().forEach(invariants::register);
    }
  }

  /**
   * The Byzantine leader: after a timeout certificate it proposes on the certificate of its
   * highest certified block's parent instead of its highest one (which the 2-chain voting rule
   * forbids honest validators to vote for), and votes for that block itself.
   */
  private ConsensusMsg adversary(Node n, ConsensusMsg msg) {
    if (n.key != scenario.staleProposerKey) {
      return msg;
    }
    if (msg instanceof VoteMsg v && forged.containsKey(v.vote().round())) {
      return forgedVote(n, forged.get(v.vote().round()), v);
    }
    if (!(msg instanceof ProposalMsg p)) {
      return msg;
    }
    Optional<TwoChainTimeoutCertificate> tc = p.syncInfo().highestTimeoutCert();
    Block honest = p.proposal();
    if (tc.isEmpty() || tc.get().round() + 1 != honest.round()) {
      return msg;
    }
    Block certified = invariants.block(honest.quorumCert().certifiedBlock().id());
    if (certified == null || certified.isGenesis()) {
      return msg;
    }
    QuorumCert stale = certified.quorumCert();
    if (stale.round() >= tc.get().highestHqcRound()) {
      return msg;
    }
    BlockData data =
        new BlockData(honest.epoch(), honest.round(), honest.timestampUsecs(), stale,
            new BlockType.Proposal(Payload.of(new byte[] {(byte) 0xBA, (byte) n.index}), n.address));
    Block block =
        new Block(data, Optional.of(keys.signer(n.key, scenario.realCrypto).sign(data.signingMessage())));
    forged.put(block.round(), block);
    return new ProposalMsg(block, p.syncInfo());
  }

  private VoteMsg forgedVote(Node n, Block block, VoteMsg honest) {
    BlockInfo parent = block.quorumCert().certifiedBlock();
    ExecutionResult r = n.executor.execute(block, parent);
    BlockInfo info = new BlockInfo(block.epoch(), block.round(), block.id(), r.executedStateId(),
        r.version(), block.timestampUsecs(), r.nextEpochState());
    VoteData vd = new VoteData(info, parent);
    BlockInfo commit = parent.round() + 1 == info.round() ? parent : QuorumCert.EMPTY_COMMIT_INFO;
    LedgerInfo li = new LedgerInfo(commit, vd.hash());
    Vote vote = new Vote(vd, n.address, li,
        keys.signer(n.key, scenario.realCrypto).sign(li.signingMessage()), Optional.empty());
    return new VoteMsg(vote, honest.syncInfo());
  }

  private void transmit(Node from, Node to, ConsensusMsg msg) {
    if (now >= healUs) {
      enqueueFor(to, now + 1000 + random.nextInt(9000), new Deliver(from.address, msg));
      return;
    }
    if (partitioned(from, to)) {
      return;
    }
    if (random.nextDouble() < scenario.dropProbability) {
      return;
    }
    int copies = random.nextDouble() < scenario.duplicateProbability ? 2 : 1;
    for (int c = 0; c < copies; c++) {
      long delayMs =
          random.nextDouble() < scenario.longDelayProbability
              ? scenario.minDelayMs + (long) (random.nextDouble() * scenario.longDelayMaxMs)
              : scenario.minDelayMs
                  + (long) (random.nextDouble() * (scenario.maxDelayMs - scenario.minDelayMs));
      enqueueFor(to, now + delayMs * 1000 + random.nextInt(1000), new Deliver(from.address, msg));
    }
  }

  private boolean partitioned(Node from, Node to) {
    List<java.util.Set<Integer>> groups = scenario.roundPartitions.get(from.core.currentRound());
    if (groups != null && !together(groups, from.index, to.index)) {
      return true;
    }
    long nowMs = now / 1000;
    for (Scenario.TimedPartition p : scenario.timedPartitions) {
      if (nowMs >= p.fromMs() && nowMs < p.toMs() && !together(p.groups(), from.index, to.index)) {
        return true;
      }
    }
    return false;
  }

  private static boolean together(List<java.util.Set<Integer>> groups, int a, int b) {
    for (java.util.Set<Integer> g : groups) {
      if (g.contains(a)) {
        return g.contains(b);
      }
    }
    return false;
  }

  private void enqueueFor(Node n, long timeUs, What what) {
    queue.add(new Queued(timeUs, seq++, n.index, n.incarnation, what));
  }

  private void enqueue(int node, long timeUs, What what) {
    queue.add(new Queued(timeUs, seq++, node, nodes.get(node).incarnation, what));
  }
}
