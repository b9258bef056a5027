package io.astraea.node.daemon;

import io.astraea.consensus.Action;
import io.astraea.consensus.ConsensusCore;
import io.astraea.consensus.Event;
import io.astraea.consensus.RecoveryData;
import io.astraea.consensus.types.ConsensusMsg;
import io.astraea.crypto.AccountAddress;
import io.astraea.crypto.bcs.BcsException;
import io.astraea.crypto.quorum.BlockInfo;
import io.astraea.node.metrics.NodeMetrics;
import io.astraea.node.net.Network;
import io.astraea.node.net.wire.ProtocolId;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the pure consensus core on the one thread that owns its state. Network handlers and timers
 * only enqueue {@link Event}s; this thread takes them in order, feeds the core and carries out the
 * returned {@link Action}s: messages go to the network, timeouts to the timer, commits and state
 * sync to the ledger.
 *
 * <p>Commits and recovery records are written by the ledger's own writer thread while this thread
 * goes on (typically executing the next proposal). Messages the core emits after such a write are
 * held in a {@link DurableOutbox} until it is durable: what a validator sends must never depend on
 * a certificate or commit a crash could still lose. State sync and epoch changes wait for the
 * writes in flight. A failed write stops the driver, like any other ledger failure.
 *
 * <p>Peer messages are decoded here at the edge (malformed bytes are counted and dropped before
 * the core sees anything); the link has already checked frame size and that the sender is a
 * validator (TLS with pinned keys); the core verifies signatures and quorums.
 */
public final class ConsensusDriver implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ConsensusDriver.class);
  /** Queued when a ledger write finishes, so held messages are released without delay. */
  private static final Object WRITE_DONE = new Object();

  /** The consensus core as the driver uses it ({@link ConsensusCore}; tests script their own). */
  public interface Core {
    List<Action> handle(Event event);

    long currentRound();

    long epoch();

    /** Local round timeouts the core has acted on since it started (never decreases). */
    long localTimeouts();

    static Core of(ConsensusCore core) {
      return new Core() {
        @Override
        public List<Action> handle(Event event) {
          return core.handle(event);
        }

        @Override
        public long currentRound() {
          return core.currentRound();
        }

        @Override
        public long epoch() {
          return core.epoch();
        }

        @Override
        public long localTimeouts() {
          return core.counters().localTimeouts();
        }
      };
    }
  }

  /** Where consensus messages go ({@link Network} on the consensus protocol). */
  public interface Transport {
    void send(AccountAddress to, byte[] message);

    void broadcast(byte[] message);

    static Transport of(Network network) {
      return new Transport() {
        @Override
        public void send(AccountAddress to, byte[] message) {
          network.send(to, ProtocolId.CONSENSUS, message);
        }

        @Override
        public void broadcast(byte[] message) {
          network.broadcast(ProtocolId.CONSENSUS, message);
        }
      };
    }
  }

  /** What the driver needs from the ledger side; called on the consensus thread. */
  public interface LedgerActions {
    /** Checks and submits the commit; the future completes once it is durable. */
    CompletableFuture<?> commit(Action.Commit commit) throws Exception;

    /** Catches up by state sync, after the writes in flight; returns when done. */
    void syncTo(Action.SyncTo sync) throws Exception;

    /**
     * Replaces the record a restart resumes from (certificates without a commit) once the writes
     * before it are durable; the future completes when the record is.
     */
    CompletableFuture<?> persist(RecoveryData recovery) throws Exception;

    void epochChanged(Action.EpochChanged change);
  }

  private final Core core;
  private final AccountAddress self;
  private final Transport network;
  private final LedgerActions ledger;
  private final NodeMetrics metrics;
  private final LongSupplier clockUsecs;
  /** Core {@link Event}s, and {@link #WRITE_DONE} wake-ups when a ledger write finishes. */
  private final BlockingQueue<Object> events = new LinkedBlockingQueue<>(100_000);
  private final DurableOutbox outbox = new DurableOutbox();
  private final ScheduledExecutorService timers =
      Executors.newSingleThreadScheduledExecutor(daemon("consensus-timer"));
  private final Thread thread;
  /** The core's timeout count already added to the metric (read on the consensus thread only). */
  private long timeoutsCounted;
  private volatile boolean running = true;
  private volatile Throwable failure;

  /** @param self this validator's account: a message the core sends to it is looped back */
  public ConsensusDriver(
      Core core, AccountAddress self, Transport network, LedgerActions ledger, NodeMetrics metrics,
      LongSupplier clockUsecs) {
    this.core = core;
    this.self = self;
    this.network = network;
    this.ledger = ledger;
    this.metrics = metrics;
    this.clockUsecs = clockUsecs;
    this.thread = daemon("consensus").newThread(this::loop);
  }

  private static java.util.concurrent.ThreadFactory daemon(String name) {
    return r -> {
      Thread t = new Thread(r, name);
      t.setDaemon(true);
      return t;
    };
  }

  public void start() {
    events.add(new Event.Start(clockUsecs.getAsLong()));
    thread.start();
  }

  /** Network handler for {@link ProtocolId#CONSENSUS}: decode at the edge, then enqueue. */
  public void onPeerMessage(AccountAddress from, byte[] payload) {
    ConsensusMsg msg;
    try {
      msg = ConsensusMsg.decode(payload);
    } catch (BcsException | RuntimeException e) {
      metrics.rejectedMessages.labelValues("malformed").inc();
      LOG.debug("dropping malformed consensus message from {}: {}", from, e.getMessage());
      return;
    }
    if (!events.offer(new Event.MessageReceived(from, msg, clockUsecs.getAsLong()))) {
      metrics.rejectedMessages.labelValues("queue_full").inc();
    }
  }

  /** The first fatal error of the consensus thread, if it stopped on one. */
  public Throwable failure() {
    return failure;
  }

  public boolean isRunning() {
    return running && thread.isAlive();
  }

  private void loop() {
    try {
      while (running) {
        Object next = events.poll(200, TimeUnit.MILLISECONDS);
        if (next instanceof Event e) {
          List<Action> actions = core.handle(e);
          for (Action a : actions) {
            carryOut(a);
          }
          metrics.consensusRound.set(core.currentRound());
          metrics.consensusEpoch.set(core.epoch());
          long timeouts = core.localTimeouts();
          if (timeouts > timeoutsCounted) {
            metrics.consensusTimeouts.inc(timeouts - timeoutsCounted);
            timeoutsCounted = timeouts;
          }
        }
        // After every event, wake-up and idle poll: a lost wake-up (full queue) costs one poll.
        outbox.release();
        metrics.heldMessages.set(outbox.heldCount());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Throwable t) {
      // A ledger write failed or the core hit a bug: stop voting rather than risk safety.
      failure = t;
      running = false;
      LOG.error("consensus stopped: {}", t.toString(), t);
    }
  }

  private void carryOut(Action a) throws Exception {
    if (a instanceof Action.Send s && s.to().equals(self)) {
      // A vote for the round this node leads next: the network has no link to itself, and
      // without its own vote a leader with one peer down cannot reach a quorum.
      if (!events.offer(new Event.MessageReceived(self, s.message(), clockUsecs.getAsLong()))) {
        metrics.rejectedMessages.labelValues("queue_full").inc();
      }
    } else if (a instanceof Action.Send s) {
      byte[] bytes = s.message().encode();
      outbox.send(() -> network.send(s.to(), bytes));
    } else if (a instanceof Action.Broadcast b) {
      byte[] bytes = b.message().encode();
      outbox.send(() -> network.broadcast(bytes));
    } else if (a instanceof Action.ScheduleTimeout t) {
      schedule(t.delay(), () -> new Event.LocalTimeout(t.epoch(), t.round(), clockUsecs.getAsLong()));
    } else if (a instanceof Action.ScheduleProposal p) {
      schedule(p.delay(), () -> new Event.ProposalTimer(p.epoch(), p.round(), clockUsecs.getAsLong()));
    } else if (a instanceof Action.Commit c) {
      long handedOver = System.nanoTime();
      CompletableFuture<?> written = ledger.commit(c);
      written.thenRun(() -> {
        metrics.committedBlocks.inc(c.blocks().size());
        metrics.commitSeconds.observe((System.nanoTime() - handedOver) / 1e9);
      });
      awaitDurable(written);
    } else if (a instanceof Action.SyncTo s) {
      ledger.syncTo(s);
    } else if (a instanceof Action.Persist p) {
      awaitDurable(ledger.persist(p.recovery()));
    } else if (a instanceof Action.EpochChanged ec) {
      BlockInfo end = ec.proof().ledgerInfo().commitInfo();
      LOG.info("epoch {} begins with {} validators, after version {} (block {} of round {}, root {})",
          ec.next().epoch(), ec.next().verifier().size(), end.version(), end.id().toHex(), end.round(),
          end.executedStateId());
      ledger.epochChanged(ec);
    }
  }

  /** Holds the messages emitted from now on until {@code write} is durable, and wakes up then. */
  private void awaitDurable(CompletableFuture<?> write) {
    outbox.after(write);
    write.whenComplete((r, t) -> events.offer(WRITE_DONE));
  }

  private void schedule(Duration delay, java.util.function.Supplier<Event> event) {
    if (!running) {
      return;
    }
    timers.schedule(() -> events.offer(event.get()), Math.max(0, delay.toMillis()), TimeUnit.MILLISECONDS);
  }

  @Override
  public void close() {
    running = false;
    timers.shutdownNow();
    thread.interrupt();
    try {
      thread.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
