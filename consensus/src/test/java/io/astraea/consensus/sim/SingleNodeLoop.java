package io.astraea.consensus.sim;

import io.astraea.consensus.Action;
import io.astraea.consensus.ConsensusConfig;
import io.astraea.consensus.ConsensusCore;
import io.astraea.consensus.Event;
import io.astraea.consensus.RecoveryData;
import io.astraea.consensus.blocks.ExecutedBlock;
import io.astraea.consensus.safety.InMemorySafetyStorage;
import io.astraea.consensus.safety.SafetyRules;
import io.astraea.consensus.types.Payload;
import io.astraea.crypto.HashValue;
import io.astraea.crypto.Sha3;
import io.astraea.crypto.quorum.BlockInfo;
import io.astraea.crypto.quorum.LedgerInfo;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.PriorityQueue;

/**
 * A one-validator network driven the way the node drives its core: a message the core sends to
 * itself comes back as the next event, timers fire on a simulated clock, and only the recovery
 * data carried by commits, state syncs and persist actions survives a restart (with the durable safety storage).
 * Idle: the leader proposes empty blocks about once a second. The executor refuses blocks whose parent it has not executed or committed.
 */
public final class SingleNodeLoop {
  private record Timed(long atUs, long seq, Event event) {}

  private final SimKeys keys = SimKeys.of(1);
  private final InMemorySafetyStorage storage = new InMemorySafetyStorage();
  private final ConsensusConfig config =
      ConsensusConfig.builder().election(ConsensusConfig.roundRobin()).build();
  private final PriorityQueue<Timed> queue =
      new PriorityQueue<>((a, b) -> a.atUs != b.atUs
          ? Long.compare(a.atUs, b.atUs) : Long.compare(a.seq, b.seq));
  private RecoveryData persisted;
  private ConsensusCore core;
  private StrictExecutor executor;
  private long now;
  private long seq;
  private long committedBlocks;
  private long committedRound;

  public SingleNodeLoop() {
    BlockInfo boot =
        new BlockInfo(0, 0, HashValue.ZERO,
            Sha3.hash("astraea-single-genesis".getBytes(StandardCharsets.UTF_8)), 0, 0,
            Optional.of(keys.epochState(1)));
    persisted = RecoveryData.epochStart(new LedgerInfo(boot, HashValue.ZERO), keys.epochState(1));
    boot();
  }

  /** The process dies and starts again from what it persisted. */
  public void restart() {
    queue.clear();
    boot();
  }

  private void boot() {
    SimExecutor inner = new SimExecutor(0, 0, keys.verifier());
    executor = new StrictExecutor(inner, persisted.root().info());
    SafetyRules rules = new SafetyRules(keys.signer(0, false), storage, keys.checker(false));
    core = new ConsensusCore(
        config, persisted, rules, (round, pending) -> Payload.EMPTY, executor, keys.checker(false));
    post(now, new Event.Start(now));
  }

  /** Handles every event due up to {@code millis} more of simulated time. */
  public void runFor(long millis) {
    long until = now + millis * 1000;
    int budget = 100_000;
    while (!queue.isEmpty() && queue.peek().atUs <= until && budget-- > 0) {
      step();
    }
    now = until;
  }

  /** Handles the next {@code n} events only (a crash may then fall between any two). */
  public void runEvents(int n) {
    for (int i = 0; i < n && !queue.isEmpty(); i++) {
      step();
    }
  }

  private void step() {
    Timed t = queue.poll();
    now = t.atUs;
    Event e = t.event;
    if (e instanceof Event.LocalTimeout lt) {
      e = new Event.LocalTimeout(lt.epoch(), lt.round(), now);
    } else if (e instanceof Event.ProposalTimer pt) {
      e = new Event.ProposalTimer(pt.epoch(), pt.round(), now);
    }
    for (Action a : core.handle(e)) {
      carryOut(a);
    }
  }

  private void carryOut(Action a) {
    if (a instanceof Action.Send s) {
      post(now, new Event.MessageReceived(s.to(), s.message(), now));
    } else if (a instanceof Action.ScheduleTimeout t) {
      post(now + t.delay().toNanos() / 1000, new Event.LocalTimeout(t.epoch(), t.round(), 0));
    } else if (a instanceof Action.ScheduleProposal p) {
      post(now + p.delay().toNanos() / 1000, new Event.ProposalTimer(p.epoch(), p.round(), 0));
    } else if (a instanceof Action.Commit c) {
      for (ExecutedBlock b : c.blocks()) {
        executor.committed(b.info());
        committedRound = b.round();
      }
      committedBlocks += c.blocks().size();
      persisted = c.recovery();
    } else if (a instanceof Action.Persist p) {
      persisted = p.recovery();
    } else if (a instanceof Action.SyncTo s) {
      executor.committed(s.target().ledgerInfo().commitInfo());
      persisted = s.recovery();
    }
  }

  private void post(long atUs, Event e) {
    queue.add(new Timed(atUs, seq++, e));
  }

  public long committedBlocks() {
    return committedBlocks;
  }

  public long committedRound() {
    return committedRound;
  }

  public ConsensusCore core() {
    return core;
  }

  public RecoveryData persisted() {
    return persisted;
  }
}
