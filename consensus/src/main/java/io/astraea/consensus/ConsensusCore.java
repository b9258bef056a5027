package io.astraea.consensus;

import io.astraea.consensus.safety.SafetyException;
import io.astraea.consensus.safety.SafetyRules;
import io.astraea.consensus.types.ConsensusMsg;
import io.astraea.consensus.types.EpochChangeProof;
import io.astraea.consensus.types.EpochRetrievalRequest;
import io.astraea.consensus.types.SignatureChecker;
import io.astraea.consensus.types.SyncInfo;
import io.astraea.crypto.AccountAddress;
import io.astraea.crypto.quorum.BlockInfo;
import io.astraea.crypto.quorum.EpochState;
import io.astraea.crypto.quorum.LedgerInfoWithSignatures;
import io.astraea.crypto.quorum.VerifyException;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The consensus core a node drives: feed it {@link Event}s from one thread, carry out the
 * returned {@link Action}s in order. Pure: no threads, clock, network or files; everything it
 * needs is injected (safety rules with their storage and key, a payload source, an executor, a
 * signature checker). Runs one epoch at a time and hands over to the next when a block carrying
 * the next validator set commits; answers peers in older epochs with an epoch change proof and
 * asks peers in newer epochs for one.
 */
public final class ConsensusCore {
  private static final Logger LOG = LoggerFactory.getLogger(ConsensusCore.class);

  private final ConsensusConfig config;
  private final SafetyRules safety;
  private final PayloadSource payloads;
  private final Executor executor;
  private final SignatureChecker checker;
  private final ConsensusCounters counters = new ConsensusCounters();
  private final TreeMap<Long, LedgerInfoWithSignatures> epochEndings = new TreeMap<>();
  private final List<Action> out = new ArrayList<>();
  private RoundManager round;
  private Object persistedKey;

  /**
   * @param start where to resume: an epoch start or the last persisted commit
   * @throws IllegalStateException if the safety storage belongs to a later epoch than
   *     {@code start} (this node's state is older than its own safety data)
   */
  public ConsensusCore(
      ConsensusConfig config,
      RecoveryData start,
      SafetyRules safety,
      PayloadSource payloads,
      Executor executor,
      SignatureChecker checker) {
    this.config = config;
    this.safety = safety;
    this.payloads = payloads;
    this.executor = executor;
    this.checker = checker;
    enter(start);
  }

  private void enter(RecoveryData start) {
    try {
      safety.startEpoch(start.epochState());
    } catch (SafetyException e) {
      throw new IllegalStateException("cannot start epoch " + start.epochState().epoch(), e);
    }
    round =
        new RoundManager(config, start, safety, payloads, executor, checker, counters, out::add);
    persistedKey = round.recoveryKey();
  }

  /** Handles one event and returns the actions to carry out, in order. */
  public List<Action> handle(Event event) {
    out.clear();
    long now = event.nowUsecs();
    round.completeSync(now);
    if (event instanceof Event.Start) {
      round.start(now);
    } else if (event instanceof Event.LocalTimeout t) {
      round.onLocalTimeout(t.epoch(), t.round(), now);
    } else if (event instanceof Event.ProposalTimer t) {
      round.onProposalTimer(t.epoch(), t.round(), now);
    } else if (event instanceof Event.MessageReceived m) {
      onMessage(m.from(), m.message(), now);
    }
    while (round.epochEnded().isPresent()) {
      LedgerInfoWithSignatures li = round.epochEnded().get();
      EpochState next = li.ledgerInfo().commitInfo().nextEpochState().orElseThrow();
      epochEndings.put(round.epoch(), li);
      out.add(new Action.EpochChanged(next, li));
      enter(RecoveryData.epochStart(li.ledgerInfo(), next));
      round.start(now);
    }
    persistIfChanged();
    return List.copyOf(out);
  }

  /**
   * Asks the node to persist the recovery data when certificates changed it without a commit or
   * sync (which carry their own): a certificate this node acted on (its safety data already
   * reflects it) must survive a restart, or no other validator may be left to supply it. Placed
   * after the last commit, sync or epoch change of the step, so the persisted root never runs
   * ahead of the ledger.
   */
  private void persistIfChanged() {
    Object key = round.recoveryKey();
    if (key.equals(persistedKey)) {
      return;
    }
    persistedKey = key;
    int at = 0;
    boolean carried = false;
    for (int i = 0; i < out.size(); i++) {
      Action a = out.get(i);
      if (a instanceof Action.Commit || a instanceof Action.SyncTo || a instanceof Action.EpochChanged) {
        at = i + 1;
        carried = a instanceof Action.Commit || a instanceof Action.SyncTo;
      }
    }
    RecoveryData now = round.recoveryData();
    if (carried && now.equals(carriedRecovery(out.get(at - 1)))) {
      return;
    }
    out.add(at, new Action.Persist(now));
  }

  private static RecoveryData carriedRecovery(Action a) {
    return a instanceof Action.Commit c ? c.recovery() : ((Action.SyncTo) a).recovery();
  }

  private void onMessage(AccountAddress from, ConsensusMsg msg, long now) {
    long epoch = round.epoch();
    if (msg instanceof EpochRetrievalRequest r) {
      serveEpochProof(from, r.startEpoch(), Math.min(r.endEpoch(), epoch));
      return;
    }
    if (msg instanceof EpochChangeProof p) {
      onEpochChangeProof(p, now);
      return;
    }
    long msgEpoch = msg.epoch();
    if (msgEpoch == -1 || msgEpoch == epoch) {
      round.onMessage(from, msg, now);
    } else if (msgEpoch < epoch) {
      serveEpochProof(from, msgEpoch, epoch);
    } else {
      counters.decodeOrEpochErrors++;
      out.add(new Action.Send(from, new EpochRetrievalRequest(epoch, msgEpoch)));
    }
  }

  private void serveEpochProof(AccountAddress to, long from, long until) {
    List<LedgerInfoWithSignatures> proof =
        new ArrayList<>(epochEndings.subMap(from, true, until, false).values());
    if (!proof.isEmpty()) {
      out.add(new Action.Send(to, new EpochChangeProof(proof, false)));
    }
  }

  private void onEpochChangeProof(EpochChangeProof proof, long now) {
    if (proof.epoch() != round.epoch()) {
      return;
    }
    EpochState next;
    try {
      next = proof.verify(round.epochState(), checker);
    } catch (VerifyException e) {
      counters.reject(e.kind());
      LOG.debug("bad epoch change proof: {}", e.getMessage());
      return;
    }
    List<LedgerInfoWithSignatures> lis = proof.ledgerInfoWithSigs();
    for (LedgerInfoWithSignatures li : lis) {
      epochEndings.put(li.ledgerInfo().epoch(), li);
    }
    LedgerInfoWithSignatures last = lis.get(lis.size() - 1);
    RecoveryData start = RecoveryData.epochStart(last.ledgerInfo(), next);
    out.add(new Action.SyncTo(last, start));
    out.add(new Action.EpochChanged(next, last));
    enter(start);
    round.start(now);
  }

  public long epoch() {
    return round.epoch();
  }

  public long currentRound() {
    return round.currentRound();
  }

  public ConsensusCounters counters() {
    return counters;
  }

  /** This node's certificates, as it would attach them to a message. */
  public SyncInfo syncInfo() {
    return round.syncInfo();
  }

  /** The round and id of the last committed block. */
  public BlockInfo committedInfo() {
    return round.tree().root().info();
  }

  /** Where the core would resume from after a restart now. */
  public RecoveryData recoveryData() {
    return round.recoveryData();
  }
}
