package io.astraea.consensus;

import io.astraea.consensus.blocks.BlockTree;
import io.astraea.consensus.blocks.BlockTreeException;
import io.astraea.consensus.blocks.ExecutedBlock;
import io.astraea.consensus.liveness.CommitRecord;
import io.astraea.consensus.liveness.PendingVotes;
import io.astraea.consensus.liveness.ProposerElection;
import io.astraea.consensus.liveness.RoundState;
import io.astraea.consensus.safety.SafetyException;
import io.astraea.consensus.safety.SafetyRules;
import io.astraea.consensus.types.Block;
import io.astraea.consensus.types.BlockData;
import io.astraea.consensus.types.BlockRetrievalRequest;
import io.astraea.consensus.types.BlockRetrievalResponse;
import io.astraea.consensus.types.BlockRetrievalStatus;
import io.astraea.consensus.types.BlockType;
import io.astraea.consensus.types.ConsensusMsg;
import io.astraea.consensus.types.Payload;
import io.astraea.consensus.types.ProposalMsg;
import io.astraea.consensus.types.QuorumCert;
import io.astraea.consensus.types.SignatureChecker;
import io.astraea.consensus.types.SyncInfo;
import io.astraea.consensus.types.TimeoutMsg;
import io.astraea.consensus.types.TwoChainTimeout;
import io.astraea.consensus.types.TwoChainTimeoutCertificate;
import io.astraea.consensus.types.Vote;
import io.astraea.consensus.types.VoteMsg;
import io.astraea.crypto.AccountAddress;
import io.astraea.crypto.Ed25519Signature;
import io.astraea.crypto.quorum.BlockInfo;
import io.astraea.crypto.quorum.EpochState;
import io.astraea.crypto.quorum.LedgerInfoWithSignatures;
import io.astraea.crypto.quorum.VerifyException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The protocol of one epoch: one handler per verified event, writing actions to a sink. Leaders
 * propose on the highest QC as soon as they enter a round (or after the idle interval when there
 * is nothing to propose); replicas execute, ask safety rules for a vote and send it to the next
 * leader; certificates found in any message move the round forward; a local timeout broadcasts a
 * signed timeout and 2f+1 of them form a TC. Unknown ancestors are fetched from the sender and
 * the message is processed again when they arrive.
 */
final class RoundManager {
  private static final Logger LOG = LoggerFactory.getLogger(RoundManager.class);
  private static final int MAX_SERVED_BLOCKS = 64;

  private final ConsensusConfig config;
  private final EpochState epochState;
  private final AccountAddress self;
  private final String logId;
  private final BlockTree tree;
  private final RoundState roundState;
  private final SafetyRules safety;
  private final ProposerElection election;
  private final PayloadSource payloads;
  private final SignatureChecker checker;
  private final ConsensusCounters counters;
  private final BlockFetcher fetcher;
  private final BlockExecution execution;
  private final Executor executor;
  private final Consumer<Action> out;
  private long now;
  private Optional<LedgerInfoWithSignatures> epochEnded = Optional.empty();
  private Optional<AfterSync> afterSync = Optional.empty();

  /** A fast-forward's certified block, to execute once the ledger synced to its parent. */
  private record AfterSync(Block certified, QuorumCert commitCert) {}

  RoundManager(
      ConsensusConfig config,
      RecoveryData start,
      SafetyRules safety,
      PayloadSource payloads,
      Executor executor,
      SignatureChecker checker,
      ConsensusCounters counters,
      Consumer<Action> out) {
    this.config = config;
    this.epochState = start.epochState();
    this.self = safety.author();
    this.logId = self.toHex().substring(0, 6);
    this.tree = new BlockTree(start.root(), start.rootQc(), start.commitCert());
    this.roundState = new RoundState(config.roundTimeouts(), epochState.verifier());
    this.safety = safety;
    this.election = config.election().apply(epochState);
    this.payloads = payloads;
    this.checker = checker;
    this.counters = counters;
    this.fetcher = new BlockFetcher(config.retrievalTimeout().toNanos() / 1000);
    this.execution = new BlockExecution(tree, executor, logId);
    this.executor = executor;
    this.out = out;
    restore(start);
    restoreElectionHistory();
  }

  /**
   * Gives leader election the ledger's record of this epoch's latest committed blocks, so that a
   * validator that restarted or skipped blocks by state sync picks the leaders its peers pick.
   */
  private void restoreElectionHistory() {
    int needed = election.historyNeeded();
    if (needed > 0) {
      election.restoreHistory(executor.committedHistory(epoch(), needed));
    }
  }

  /**
   * Re-executes the persisted certified blocks on the root and re-inserts their certificates. A
   * certificate that disagrees with the re-execution is not used, and a block that cannot be
   * executed is left out with everything above it (peers can still supply them).
   */
  private void restore(RecoveryData start) {
    for (Block b : start.certifiedBlocks()) {
      if (b.epoch() != epoch() || b.round() <= tree.root().round()) {
        continue;
      }
      if (executeAndInsert(b).isEmpty()) {
        LOG.warn("[{} e{}] cannot restore block of round {}", logId, epoch(), b.round());
      }
    }
    for (QuorumCert qc : start.certificates()) {
      if (!tree.contains(qc.certifiedBlock().id())) {
        continue;
      }
      try {
        tree.insertQuorumCert(qc);
      } catch (BlockTreeException e) {
        LOG.error("[{} e{}] persisted certificate rejected: {}", logId, epoch(), e.getMessage());
      }
    }
    try {
      tree.insertQuorumCert(start.commitCert());
    } catch (BlockTreeException e) {
      LOG.debug("[{} e{}] commit certificate's block not restored: {}", logId, epoch(), e.getMessage());
    }
    start.highestTimeoutCert().ifPresent(this::restoreTimeoutCert);
  }

  /**
   * Re-inserts the persisted timeout certificate if it is of this epoch, above the root, valid,
   * and its embedded certificate is usable here (at or below the root, or of a restored block).
   */
  private void restoreTimeoutCert(TwoChainTimeoutCertificate tc) {
    QuorumCert embedded = tc.timeout().quorumCert();
    if (tc.epoch() != epoch() || tc.round() <= tree.root().round()) {
      return;
    }
    if (embedded.round() > tree.root().round() && !tree.contains(embedded.certifiedBlock().id())) {
      LOG.warn("[{} e{}] persisted timeout certificate of round {} not restored: its certified block is missing",
          logId, epoch(), tc.round());
      return;
    }
    try {
      tc.verify(epochState.verifier(), checker);
      if (embedded.round() > tree.root().round()) {
        tree.insertQuorumCert(embedded);
      }
    } catch (VerifyException | BlockTreeException e) {
      LOG.error("[{} e{}] persisted timeout certificate rejected: {}", logId, epoch(), e.getMessage());
      return;
    }
    tree.insertTimeoutCert(tc);
  }

  long epoch() {
    return epochState.epoch();
  }

  EpochState epochState() {
    return epochState;
  }

  long currentRound() {
    return roundState.currentRound();
  }

  BlockTree tree() {
    return tree;
  }

  ProposerElection election() {
    return election;
  }

  /** The ledger info that ended this epoch, once a reconfiguration committed. */
  Optional<LedgerInfoWithSignatures> epochEnded() {
    return epochEnded;
  }

  SyncInfo syncInfo() {
    return new SyncInfo(tree.highestQc(), Optional.of(tree.highestCommitCert()), tree.highestTc());
  }

  RecoveryData recoveryData() {
    QuorumCert rootQc = tree.certificateFor(tree.root().id()).orElseThrow();
    List<ExecutedBlock> certified = tree.certifiedAboveRoot();
    return new RecoveryData(epochState, tree.root(), rootQc, tree.rootCommitCert(),
        certified.stream().map(ExecutedBlock::block).toList(),
        certified.stream().map(b -> tree.certificateFor(b.id()).orElseThrow()).toList(),
        tree.highestTc());
  }

  /**
   * What the persisted recovery data depends on: the root, the certified blocks and the highest
   * timeout certificate. Equal keys mean {@link #recoveryData()} has not changed.
   */
  Object recoveryKey() {
    return List.of(tree.root().id(), tree.highestQc().certifiedBlock().id(), tree.certifiedCount(),
        tree.highestTc().map(TwoChainTimeoutCertificate::round).orElse(-1L));
  }

  void start(long nowUsecs) {
    now = nowUsecs;
    processCertificates();
  }

  // ---------------------------------------------------------------- message entry

  /** Verifies a message of this epoch, then handles it. Bad messages are counted and dropped. */
  void onMessage(AccountAddress from, ConsensusMsg msg, long nowUsecs) {
    now = nowUsecs;
    try {
      if (msg instanceof ProposalMsg m) {
        m.verify(epochState.verifier(), checker);
      } else if (msg instanceof VoteMsg m) {
        m.verify(epochState.verifier(), checker);
        requireSender(from, m.vote().author());
      } else if (msg instanceof TimeoutMsg m) {
        m.verify(epochState.verifier(), checker);
        requireSender(from, m.author());
      } else if (msg instanceof SyncInfo m) {
        m.verify(epochState.verifier(), checker);
      }
    } catch (VerifyException e) {
      counters.reject(e.kind());
      LOG.debug("[{} e{} r{}] rejected {} from {}: {}", logId, epoch(), currentRound(),
          msg.getClass().getSimpleName(), from, e.getMessage());
      return;
    }
    handleVerified(from, msg);
  }

  private void requireSender(AccountAddress from, AccountAddress author) throws VerifyException {
    if (!from.equals(author)) {
      throw new VerifyException(
          VerifyException.Kind.INCONSISTENT, "sent by " + from + " but authored by " + author);
    }
  }

  private void handleVerified(AccountAddress from, ConsensusMsg msg) {
    if (epochEnded.isPresent()) {
      return;
    }
    if (msg instanceof ProposalMsg m) {
      processProposal(from, m);
    } else if (msg instanceof VoteMsg m) {
      processVote(from, m);
    } else if (msg instanceof TimeoutMsg m) {
      processTimeoutMsg(from, m);
    } else if (msg instanceof SyncInfo m) {
      syncUp(m, from, m);
    } else if (msg instanceof BlockRetrievalRequest m) {
      serveBlocks(from, m);
    } else if (msg instanceof BlockRetrievalResponse m) {
      onBlocks(from, m);
    } else {
      LOG.debug("[{}] ignoring {} in round manager", logId, msg.getClass().getSimpleName());
    }
  }

  // ---------------------------------------------------------------- proposals

  private void processProposal(AccountAddress from, ProposalMsg msg) {
    Block b = msg.proposal();
    if (b.round() < currentRound()) {
      counters.staleMessages++;
      return;
    }
    Optional<QuorumCert> cc = msg.syncInfo().highestCommitCert();
    if (!syncUp(msg.syncInfo(), from, msg) || !insertQc(b.quorumCert(), from, msg, cc)) {
      return;
    }
    if (b.round() != currentRound()) {
      counters.staleMessages++;
      return;
    }
    AccountAddress author = msg.author();
    if (!election.isValidProposer(author, b.round())) {
      counters.invalidProposers++;
      LOG.warn("[{} e{} r{}] proposal from {} who is not the leader", logId, epoch(), b.round(), author);
      return;
    }
    if (b.timestampUsecs() > now + config.maxClockSkew().toNanos() / 1000) {
      counters.reject(VerifyException.Kind.INCONSISTENT);
      LOG.warn("[{} e{} r{}] proposal timestamp too far in the future", logId, epoch(), b.round());
      return;
    }
    Optional<Block> seen = roundState.proposalSeen();
    if (seen.isPresent()) {
      if (!seen.get().id().equals(b.id())) {
        counters.equivocatingProposals++;
        LOG.warn("[{} e{} r{}] equivocating proposals from {}: {} and {}", logId, epoch(),
            b.round(), author, seen.get().id(), b.id());
      }
      return;
    }
    roundState.recordProposalSeen(b);
    Optional<ExecutedBlock> executed = executeAndInsert(b);
    if (executed.isEmpty() || roundState.voteSent().isPresent()) {
      return;
    }
    Optional<TwoChainTimeoutCertificate> tc =
        tree.highestTc().filter(t -> t.round() + 1 == b.round());
    Vote vote;
    try {
      vote = safety.constructAndSignVote(b, executed.get().info(), tc);
    } catch (SafetyException e) {
      counters.safetyRefusals++;
      LOG.debug("[{} e{} r{}] safety rules refused to vote: {}", logId, epoch(), b.round(), e.getMessage());
      return;
    }
    roundState.recordVote(vote);
    counters.votes++;
    out.accept(new Action.Send(election.proposer(b.round() + 1), new VoteMsg(vote, syncInfo())));
  }

  private void tryPropose() {
    long round = currentRound();
    if (roundState.proposed() || epochEnded.isPresent() || !election.proposer(round).equals(self)) {
      return;
    }
    ExecutedBlock parent = tree.highestCertifiedBlock();
    boolean suffix = parent.info().hasReconfiguration();
    Payload payload = Payload.EMPTY;
    if (!suffix) {
      List<Payload> pending =
          tree.pathFromRoot(parent.id()).stream().map(e -> e.block().payload()).toList();
      payload = payloads.pull(round, pending);
      long idleDeadline =
          parent.info().timestampUsecs() + config.idleProposalInterval().toNanos() / 1000;
      if (payload.isEmpty() && now < idleDeadline) {
        long wait = Math.min(idleDeadline - now, config.proposalPoll().toNanos() / 1000);
        out.accept(new Action.ScheduleProposal(epoch(), round, Duration.ofNanos(wait * 1000)));
        return;
      }
    }
    long ts =
        suffix ? parent.info().timestampUsecs() : Math.max(now, parent.info().timestampUsecs() + 1);
    BlockData data =
        new BlockData(epoch(), round, ts, tree.highestQc(), new BlockType.Proposal(payload, self));
    Ed25519Signature sig;
    try {
      sig = safety.signProposal(data);
    } catch (SafetyException e) {
      counters.safetyRefusals++;
      LOG.debug("[{} e{} r{}] safety rules refused to sign proposal: {}", logId, epoch(), round, e.getMessage());
      return;
    }
    roundState.recordProposal();
    counters.proposals++;
    ProposalMsg msg = new ProposalMsg(new Block(data, Optional.of(sig)), syncInfo());
    out.accept(new Action.Broadcast(msg));
    processProposal(self, msg);
  }

  void onProposalTimer(long epoch, long round, long nowUsecs) {
    now = nowUsecs;
    if (epoch == epoch() && round == currentRound()) {
      tryPropose();
    }
  }

  // ---------------------------------------------------------------- votes and timeouts

  private void processVote(AccountAddress from, VoteMsg msg) {
    Vote vote = msg.vote();
    if (vote.round() < currentRound()) {
      counters.staleMessages++;
      return;
    }
    if (!syncUp(msg.syncInfo(), from, msg) || vote.round() != currentRound()) {
      return;
    }
    if (vote.twoChainTimeout().isPresent()) {
      processTimeout(vote.author(), vote.twoChainTimeout().get().timeout(),
          vote.twoChainTimeout().get().signature());
      if (vote.round() != currentRound()) {
        return;
      }
    }
    if (!election.isValidProposer(self, vote.round() + 1)) {
      return;
    }
    PendingVotes.Outcome outcome = roundState.pendingVotes().insertVote(vote);
    if (outcome instanceof PendingVotes.Outcome.Equivocation e) {
      counters.equivocatingVotes++;
      LOG.warn("[{} e{} r{}] equivocating votes from {}", logId, epoch(), vote.round(), vote.author());
    } else if (outcome instanceof PendingVotes.Outcome.QcFormed q) {
      LOG.debug("[{} e{} r{}] formed {}", logId, epoch(), vote.round(), q.qc());
      SyncInfo carrier = new SyncInfo(q.qc(), Optional.empty(), Optional.empty());
      syncUp(carrier, from, carrier);
    }
  }

  private void processTimeoutMsg(AccountAddress from, TimeoutMsg msg) {
    if (msg.round() < currentRound()) {
      counters.staleMessages++;
      return;
    }
    if (!syncUp(msg.syncInfo(), from, msg)
        || !insertQc(msg.timeout().quorumCert(), from, msg, msg.syncInfo().highestCommitCert())
        || msg.round() != currentRound()) {
      return;
    }
    processTimeout(msg.author(), msg.timeout(), msg.signature());
  }

  private void processTimeout(AccountAddress author, TwoChainTimeout t, Ed25519Signature sig) {
    PendingVotes.Outcome outcome = roundState.pendingVotes().insertTimeout(author, t, sig);
    if (outcome instanceof PendingVotes.Outcome.TcFormed tc) {
      LOG.debug("[{} e{} r{}] formed {}", logId, epoch(), t.round(), tc.tc());
      tree.insertTimeoutCert(tc.tc());
      processCertificates();
    }
  }

  void onLocalTimeout(long epoch, long round, long nowUsecs) {
    now = nowUsecs;
    if (epoch != epoch() || round != currentRound() || epochEnded.isPresent()) {
      return;
    }
    counters.localTimeouts++;
    TwoChainTimeout timeout = new TwoChainTimeout(epoch, round, tree.highestQc());
    Optional<TwoChainTimeoutCertificate> tc =
        tree.highestTc().filter(t -> t.round() + 1 == round);
    try {
      Ed25519Signature sig = safety.signTimeout(timeout, tc);
      LOG.info("[{} e{} r{}] round timed out", logId, epoch, round);
      out.accept(new Action.Broadcast(new TimeoutMsg(timeout, self, sig, syncInfo())));
      processTimeout(self, timeout, sig);
    } catch (SafetyException e) {
      counters.safetyRefusals++;
      LOG.warn("[{} e{} r{}] safety rules refused to time out: {}", logId, epoch, round, e.getMessage());
    }
    if (round == currentRound()) {
      out.accept(new Action.ScheduleTimeout(epoch, round, roundState.currentTimeout()));
    }
  }

  // ---------------------------------------------------------------- certificates

  /**
   * Brings this node up to the certificates in {@code si}: commit certificate, highest QC, highest
   * TC. Returns false if blocks are missing; they are requested from {@code from} and
   * {@code original} is processed again when they arrive.
   */
  private boolean syncUp(SyncInfo si, AccountAddress from, ConsensusMsg original) {
    Optional<QuorumCert> cc = si.highestCommitCert();
    if (cc.isPresent()
        && cc.get().commitsBlock()
        && cc.get().commitInfo().round() > tree.root().round()
        && !tree.contains(cc.get().commitInfo().id())) {
      long gap = cc.get().round() - tree.root().round();
      if (gap > config.maxRetrievalBlocks()) {
        fetch(new BlockRetrievalRequest(cc.get().certifiedBlock().id(), 2), from, original, cc, true,
            cc.get());
      } else {
        fetch(new BlockRetrievalRequest(cc.get().certifiedBlock().id(), gap), from, original, cc, false,
            cc.get());
      }
      return false;
    }
    if (cc.isPresent() && !insertQc(cc.get(), from, original, cc)) {
      return false;
    }
    if (!insertQc(si.highestQuorumCert(), from, original, cc)) {
      return false;
    }
    Optional<TwoChainTimeoutCertificate> tc = si.highestTimeoutCert();
    if (tc.isPresent() && tc.get().round() > tree.highestTc().map(t -> t.round()).orElse(0L)) {
      if (!insertQc(tc.get().timeout().quorumCert(), from, original, cc)) {
        return false;
      }
      tree.insertTimeoutCert(tc.get());
    }
    processCertificates();
    if (!from.equals(self)
        && original instanceof SyncInfo
        && si.highestRound() + 1 < currentRound()) {
      out.accept(new Action.Send(from, syncInfo()));
    }
    return true;
  }

  private boolean insertQc(
      QuorumCert qc, AccountAddress from, ConsensusMsg original, Optional<QuorumCert> cc) {
    if (qc.round() <= tree.root().round() || tree.certificateFor(qc.certifiedBlock().id()).isPresent()) {
      return true;
    }
    if (!tree.contains(qc.certifiedBlock().id())) {
      long gap = Math.min(qc.round() - tree.root().round(), config.maxRetrievalBlocks());
      fetch(new BlockRetrievalRequest(qc.certifiedBlock().id(), gap), from, original, cc, false, qc);
      return false;
    }
    try {
      tree.insertQuorumCert(qc);
    } catch (BlockTreeException e) {
      LOG.error("[{} e{} r{}] cannot insert {}: {}", logId, epoch(), currentRound(), qc, e.getMessage());
    }
    return true;
  }

  /** Commits what the highest commit certificate allows, then enters the next round if due. */
  private void processCertificates() {
    QuorumCert cc = tree.highestCommitCert();
    if (cc.commitInfo().round() > tree.root().round() && tree.contains(cc.commitInfo().id())) {
      List<ExecutedBlock> path = tree.pathFromRoot(cc.commitInfo().id());
      List<CommitRecord> records = path.stream().map(b -> CommitRecord.of(b.block())).toList();
      try {
        List<ExecutedBlock> committed = tree.commit(cc);
        records.forEach(election::onCommit);
        counters.committedBlocks += committed.size();
        LOG.info("[{} e{} r{}] committed {} block(s) up to round {} version {}", logId, epoch(),
            currentRound(), committed.size(), cc.commitInfo().round(), cc.commitInfo().version());
        out.accept(new Action.Commit(committed, cc.signedLedgerInfo(), recoveryData()));
      } catch (BlockTreeException e) {
        LOG.error("[{} e{} r{}] commit failed: {}", logId, epoch(), currentRound(), e.getMessage());
      }
      if (cc.endsEpoch()) {
        endEpoch(cc.signedLedgerInfo());
        return;
      }
    }
    long tcRound = tree.highestTc().map(TwoChainTimeoutCertificate::round).orElse(0L);
    Optional<Duration> timeout =
        roundState.processCertificates(tree.highestQc().round(), tcRound, tree.root().round());
    if (timeout.isPresent()) {
      counters.roundsEntered++;
      LOG.debug("[{} e{}] entered round {}", logId, epoch(), currentRound());
      out.accept(new Action.ScheduleTimeout(epoch(), currentRound(), timeout.get()));
      tryPropose();
    }
  }

  private void endEpoch(LedgerInfoWithSignatures li) {
    if (epochEnded.isEmpty()) {
      epochEnded = Optional.of(li);
      LOG.info("[{} e{}] epoch ends at version {}", logId, epoch(), li.ledgerInfo().version());
    }
  }

  private Optional<ExecutedBlock> executeAndInsert(Block b) {
    return execution.executeAndInsert(b);
  }

  // ---------------------------------------------------------------- block retrieval

  /**
   * Requests the blocks {@code certifying} needs from the sender of {@code original}, or, when
   * this node sent it to itself, from another signer of {@code certifying} (its signers voted
   * for the block, so they hold it). With nobody else to ask, the message is dropped.
   */
  private void fetch(
      BlockRetrievalRequest request,
      AccountAddress from,
      ConsensusMsg original,
      Optional<QuorumCert> cc,
      boolean fastForward,
      QuorumCert certifying) {
    AccountAddress peer = from;
    if (from.equals(self)) {
      peer = certifying.signedLedgerInfo().signatures().keySet().stream()
          .filter(a -> !a.equals(self))
          .findFirst()
          .orElse(self);
      if (peer.equals(self)) {
        LOG.warn("[{} e{} r{}] block {} is missing and no other validator can supply it", logId,
            epoch(), currentRound(), request.blockId());
        return;
      }
    }
    if (fetcher.park(request.blockId(), from, original, now)) {
      counters.retrievals++;
      fetcher.sent(new BlockFetcher.Pending(request, peer, now, cc, fastForward));
      out.accept(new Action.Send(peer, request));
    }
  }

  private void serveBlocks(AccountAddress from, BlockRetrievalRequest req) {
    long n = Math.min(req.numBlocks(), MAX_SERVED_BLOCKS);
    List<Block> blocks = tree.chainFrom(req.blockId(), n);
    BlockRetrievalStatus status =
        blocks.isEmpty()
            ? BlockRetrievalStatus.ID_NOT_FOUND
            : blocks.size() == req.numBlocks()
                ? BlockRetrievalStatus.SUCCEEDED
                : BlockRetrievalStatus.NOT_ENOUGH_BLOCKS;
    out.accept(new Action.Send(from, new BlockRetrievalResponse(status, blocks)));
  }

  private void onBlocks(AccountAddress from, BlockRetrievalResponse resp) {
    Optional<BlockFetcher.Pending> match = fetcher.match(from, resp);
    if (match.isEmpty()) {
      return;
    }
    BlockFetcher.Pending p = match.get();
    try {
      resp.verify(p.request, epochState.verifier(), checker);
    } catch (VerifyException e) {
      counters.reject(e.kind());
      LOG.debug("[{}] bad block retrieval response from {}: {}", logId, from, e.getMessage());
      return;
    }
    if (p.fastForward) {
      fastForward(p.commitCert.orElseThrow(), resp.blocks());
    } else if (!insertChain(resp.blocks())) {
      Optional<QuorumCert> cc = p.commitCert;
      if (cc.isPresent() && cc.get().commitInfo().round() > tree.root().round()
          && !tree.contains(cc.get().commitInfo().id())) {
        fetch(new BlockRetrievalRequest(cc.get().certifiedBlock().id(), 2), from, null, cc, true,
            cc.get());
      }
    }
    for (BlockFetcher.Waiting w : fetcher.drainWaiting()) {
      handleVerified(w.from(), w.message());
    }
  }

  /** Inserts retrieved blocks oldest first; false if they do not reach the tree. */
  private boolean insertChain(List<Block> blocks) {
    for (int i = blocks.size() - 1; i >= 0; i--) {
      Block b = blocks.get(i);
      if (tree.contains(b.id()) || b.round() <= tree.root().round()) {
        continue;
      }
      if (!tree.contains(b.parentId())) {
        return false;
      }
      try {
        tree.insertQuorumCert(b.quorumCert());
      } catch (BlockTreeException e) {
        LOG.warn("[{}] retrieved block's certificate rejected: {}", logId, e.getMessage());
        return false;
      }
      if (executeAndInsert(b).isEmpty()) {
        return false;
      }
    }
    return true;
  }

  /**
   * Jumps the root to the block {@code cc} commits, skipping the blocks in between: the ledger
   * must state-sync to {@code cc}'s ledger info.
   */
  private void fastForward(QuorumCert cc, List<Block> blocks) {
    if (cc.commitInfo().round() <= tree.root().round() || blocks.size() != 2) {
      return;
    }
    Block certified = blocks.get(0);
    Block committed = blocks.get(1);
    if (!committed.id().equals(cc.commitInfo().id())) {
      return;
    }
    counters.fastForwards++;
    LOG.info("[{} e{}] fast-forward to round {} version {}", logId, epoch(),
        committed.round(), cc.commitInfo().version());
    tree.reset(new ExecutedBlock(committed, cc.commitInfo()), certified.quorumCert(), cc);
    out.accept(new Action.SyncTo(cc.signedLedgerInfo(), recoveryData()));
    if (cc.endsEpoch()) {
      endEpoch(cc.signedLedgerInfo());
      return;
    }
    afterSync = Optional.of(new AfterSync(certified, cc));
    processCertificates();
  }

  /**
   * Finishes a fast-forward once the node carried out its {@link Action.SyncTo} (the driver does
   * so before it hands the core the next event): restores leader election's history from the
   * ledger, which now holds the skipped blocks (and proposes, if that makes this node the leader of
   * the round it is in), then executes the block the commit certificate certifies on the new root,
   * which only now exists in the ledger, and records the certificate. Called first on every event.
   */
  void completeSync(long nowUsecs) {
    if (afterSync.isEmpty()) {
      return;
    }
    now = nowUsecs;
    AfterSync s = afterSync.get();
    afterSync = Optional.empty();
    if (election.historyNeeded() > 0) {
      restoreElectionHistory();
      tryPropose();
    }
    if (!tree.root().id().equals(s.certified().parentId())) {
      return;
    }
    if (executeAndInsert(s.certified()).isPresent()) {
      try {
        tree.insertQuorumCert(s.commitCert());
      } catch (BlockTreeException e) {
        LOG.error("[{}] fast-forward certificate rejected: {}", logId, e.getMessage());
      }
      processCertificates();
    }
  }
}
