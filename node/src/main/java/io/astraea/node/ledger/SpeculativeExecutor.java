package io.astraea.node.ledger;

import io.astraea.consensus.Action;
import io.astraea.consensus.ExecutionResult;
import io.astraea.consensus.Executor;
import io.astraea.consensus.RecoveryData;
import io.astraea.consensus.blocks.ExecutedBlock;
import io.astraea.consensus.liveness.CommitRecord;
import io.astraea.consensus.types.Block;
import io.astraea.crypto.AccountAddress;
import io.astraea.crypto.HashValue;
import io.astraea.crypto.bcs.BcsException;
import io.astraea.crypto.quorum.BlockInfo;
import io.astraea.crypto.quorum.LedgerInfoWithSignatures;
import io.astraea.ledger.accumulator.AccumulatorProofException;
import io.astraea.ledger.accumulator.InMemoryAccumulator;
import io.astraea.ledger.execution.BlockExecutor;
import io.astraea.ledger.execution.BlockOutput;
import io.astraea.ledger.execution.ExecutorConfig;
import io.astraea.ledger.execution.TransactionOutput;
import io.astraea.ledger.jmt.JmtException;
import io.astraea.ledger.jmt.TreeReader;
import io.astraea.ledger.state.StateKeys;
import io.astraea.ledger.state.StateView;
import io.astraea.ledger.storage.BlockCommit;
import io.astraea.ledger.storage.LedgerStore;
import io.astraea.ledger.storage.StorageException;
import io.astraea.ledger.storage.TransactionToCommit;
import io.astraea.ledger.types.BlockMetadata;
import io.astraea.ledger.types.SignedTransaction;
import io.astraea.ledger.types.Transaction;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Speculative execution and commit of consensus blocks over the {@link LedgerService}.
 *
 * <p>Each block executes on top of its parent's speculative state (a tree of in-memory overlays
 * keyed by block id, rooted at the committed ledger), giving the accumulator root, last version
 * and next epoch state that votes certify. A proposal or NIL block executes its {@link
 * BlockMetadata} transaction (id, round, timestamp, the signers of its parent's certificate,
 * proposer; {@code 0x0} for NIL) and then its payload's transactions; discarded transactions get
 * no version. A block after a reconfiguration in the same epoch, and an epoch's genesis block,
 * execute nothing and carry their parent's state (and pending next epoch). A payload that does not
 * decode fails execution.
 *
 * <p>Signatures: a transaction the mempool verified (recorded in {@link VerifiedSignatures}) is
 * not checked again; if any transaction of the block was not verified here, this class verifies
 * it first, and if one fails, the block runs through the signature-checking executor, so the
 * outcome is always exactly the standard executor's.
 *
 * <p>Threads: {@link #execute}, {@link #submitCommit} and {@link #retainExtending} run on the consensus
 * thread (they are synchronized, so a state-sync thread may call {@link #retainExtending} too). The ledger
 * writes of a commit, the recovery record and the commit listeners run afterwards on the {@link
 * LedgerWriter}'s thread, in submission order, while the consensus thread goes on executing.
 */
public final class SpeculativeExecutor implements Executor, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(SpeculativeExecutor.class);

  private final LedgerService ledger;
  private final LedgerStore store;
  private final VerifiedSignatures verified;
  private final BlockExecutor checking;
  private final BlockExecutor trusting;
  private final Map<HashValue, SpeculativeBlock> blocks = new HashMap<>();
  private final List<CommitListener> listeners = new CopyOnWriteArrayList<>();
  private final LedgerWriter writes = new LedgerWriter();
  /**
   * The last block of the commit being written, until the ledger holds it: blocks executed on it
   * in the meantime use its speculative state (it has left {@link #blocks} already).
   */
  private SpeculativeBlock writing;
  /** Runs on the writer thread before each commit's writes; tests use it to hold a commit in flight. */
  private volatile Runnable beforeEachCommitWrite = () -> { };
  /** The ledger version of the last {@link #rebaseOnLedger} pass. */
  private long rebasedAt = Long.MIN_VALUE;

  public SpeculativeExecutor(LedgerService ledger, VerifiedSignatures verified, ExecutorConfig config) {
    this.ledger = ledger;
    this.store = ledger.store();
    this.verified = verified;
    ExecutorConfig checks = new ExecutorConfig(true, config.gas());
    this.checking = new BlockExecutor(checks);
    this.trusting = new BlockExecutor(checks.withoutSignatureChecks());
  }

  public void addCommitListener(CommitListener l) {
    listeners.add(l);
  }

  /** How many executed blocks await commit (for metrics and tests). */
  public synchronized int pendingBlocks() {
    return blocks.size();
  }

  @Override
  public synchronized ExecutionResult execute(Block block, BlockInfo parent) throws ExecutionException {
    SpeculativeBlock known = blocks.get(block.id());
    if (known != null) {
      return known.result;
    }
    try {
      rebaseOnLedger();
    } catch (StorageException e) {
      throw new ExecutionException("cannot read the committed state: " + e.getMessage());
    }
    Base base = base(block, parent);
    SpeculativeBlock b;
    if (block.isGenesis() || parent.hasReconfiguration()) {
      ExecutionResult r = new ExecutionResult(parent.executedStateId(), parent.version(),
          block.isGenesis() ? Optional.empty() : parent.nextEpochState());
      ExecutedChunk empty = new ExecutedChunk(List.of(), Optional.empty(), base.accumulator, base.version);
      b = new SpeculativeBlock(block.id(), block.parentId(), base.parent, base.committed, new TreeMap<>(), base.tree, empty, r, List.of());
    } else {
      b = run(block, base);
    }
    blocks.put(block.id(), b);
    return b.result;
  }

  /** The state a block executes on: its parent's speculative state or the committed ledger. */
  private record Base(SpeculativeBlock parent, CommittedStateView committed,
      TreeReader tree, InMemoryAccumulator accumulator, long version, StateView view) {}

  /**
   * The parent's state: its own speculative state; else the committed ledger at its version; else
   * a speculative block that reached the same accumulator root and version (the same history, so
   * the same state). The last case is an epoch's genesis block, whose state is that of the block
   * that ended the previous epoch: consensus may execute the new epoch's first block before the
   * node has carried out the commit of the old epoch's last one.
   */
  private Base base(Block block, BlockInfo parent) throws ExecutionException {
    SpeculativeBlock p = blocks.get(block.parentId());
    if (p == null && writing != null && writing.id.equals(block.parentId())) {
      p = writing;
    }
    if (p == null && parent.version() > store.latestVersion()) {
      p = blocks.values().stream().filter(b -> sameState(b, parent)).findFirst().orElse(null);
      if (p == null && writing != null && sameState(writing, parent)) {
        p = writing;
      }
      if (p == null) {
        awaitWritesForExecution(); // the parent may be committed and still being written
      }
    }
    if (p != null) {
      return new Base(p, p.committed(), p.tree(), p.chunk.accumulator(), p.result.version(), p);
    }
    long v = parent.version();
    try {
      long latest = store.latestVersion();
      if (v > latest || !store.accumulatorRoot(v).equals(parent.executedStateId())) {
        throw new ExecutionException("parent " + parent.id().toHex() + " of " + block
            + " is neither executed here nor committed: it is at version " + v + " with root "
            + parent.executedStateId() + ", the ledger at " + latest
            + (v <= latest ? " with root " + store.accumulatorRoot(v) + " there" : ""));
      }
      InMemoryAccumulator acc = InMemoryAccumulator.transactions(store.frozenSubtreeRoots(v), v + 1);
      CommittedStateView view = CommittedStateView.remembering(store, v);
      // v is normally the latest version, a stored checkpoint; a parent committed inside a
      // state-sync chunk gets its tree rebuilt. The tree update takes the leaves it replaces
      // from what the view read.
      return new Base(null, view, view.hinting(store.stateTreeAt(v)), acc, v, view);
    } catch (StorageException | AccumulatorProofException e) {
      throw new ExecutionException("cannot read the committed state at " + v + ": " + e.getMessage());
    }
  }

  private SpeculativeBlock run(Block block, Base base) throws ExecutionException {
    List<SignedTransaction> userTxns;
    try {
      userTxns = PayloadCodec.decode(block.payload());
    } catch (BcsException e) {
      throw new ExecutionException("payload of " + block + " does not decode: " + e.getMessage());
    }
    BlockMetadata metadata = new BlockMetadata(block.id(), block.round(), block.timestampUsecs(),
        new ArrayList<>(block.quorumCert().signedLedgerInfo().signatures().keySet()),
        block.author().orElse(StateKeys.NIL_PROPOSER));
    BlockExecutor executor = allVerified(userTxns) ? trusting : checking;
    BlockOutput out;
    try {
      out = executor.executeBlock(base.view, metadata, userTxns);
    } catch (io.astraea.ledger.execution.ExecutionException e) {
      throw new ExecutionException("block " + block + " is invalid: " + e.getMessage());
    } catch (LedgerReadException e) {
      throw new ExecutionException("state read failed executing " + block + ": " + e.getMessage());
    }
    List<Transaction> txns = new ArrayList<>(userTxns.size() + 1);
    txns.add(new Transaction.BlockMetadataTransaction(metadata));
    userTxns.forEach(t -> txns.add(new Transaction.UserTransaction(t)));
    ExecutedChunk chunk;
    try {
      chunk = ExecutedChunk.build(base.tree, base.version, base.accumulator, txns, out.outputs());
    } catch (JmtException e) {
      throw new ExecutionException("state tree update failed for " + block + ": " + e.getMessage());
    }
    TreeMap<HashValue, byte[]> writes = new TreeMap<>();
    List<HashValue> discarded = new ArrayList<>();
    for (int i = 0; i < out.outputs().size(); i++) {
      TransactionOutput o = out.outputs().get(i);
      writes.putAll(o.writeSet().byKey());
      if (o.isDiscarded() && i > 0) {
        discarded.add(txns.get(i).hash());
      }
    }
    ExecutionResult r = new ExecutionResult(chunk.rootHash(), chunk.lastVersion(), out.nextEpochState());
    LOG.debug("executed {}: {} transaction(s) kept, version {}, root {}", block, chunk.transactions().size(),
        chunk.lastVersion(), chunk.rootHash());
    return new SpeculativeBlock(block.id(), block.parentId(), base.parent, base.committed, writes, base.tree, chunk, r, discarded);
  }

  /** Verifies every signature not verified before; true if all are valid (and now recorded). */
  private boolean allVerified(List<SignedTransaction> txns) {
    boolean ok = true;
    for (SignedTransaction t : txns) {
      HashValue h = t.hash();
      if (verified.isVerified(h)) {
        continue;
      }
      if (t.checkSignature().isValid()) {
        verified.markVerified(h);
      } else {
        ok = false;
      }
    }
    return ok;
  }

  /**
   * Commits the blocks of {@code commit} (oldest first) and waits until they are written: {@link
   * #submitCommit} followed by waiting for its result.
   */
  public CommittedTransactions commit(Action.Commit commit) throws CommitException, StorageException {
    return awaitResult(submitCommit(commit));
  }

  /**
   * Checks {@code commit} against the ledger and this executor's results, drops the committed and
   * abandoned speculative states, and hands the writes to the ledger writer: one write batch per
   * block (blocks the ledger already holds, a replay after a restart, are checked and skipped),
   * the quorum's ledger info and the recovery record in the last block's batch, then the listeners
   * are told.
   *
   * <p>Returns once the checks pass, before anything is written, so the caller can execute the
   * next block while this one is written. The returned future completes when everything is
   * durable, or fails (and so does every later write: nothing is written on top of a failed
   * write). Blocks whose commit is in flight stay reachable as the parents of their speculative
   * children; a block whose parent is being written and was not executed here waits for the write.
   */
  public synchronized CompletableFuture<CommittedTransactions> submitCommit(Action.Commit commit)
      throws CommitException, StorageException {
    // The checks read the ledger as the writes already in flight will leave it.
    awaitWrites();
    rebaseOnLedger();
    List<ExecutedBlock> chain = commit.blocks();
    List<SpeculativeBlock> toWrite = new ArrayList<>();
    long latest = store.latestVersion();
    for (ExecutedBlock eb : chain) {
      BlockInfo info = eb.info();
      SpeculativeBlock b = blocks.get(eb.id());
      if (b == null || b.chunk.transactions().isEmpty() || b.chunk.lastVersion() <= latest) {
        checkCommitted(eb, latest, toWrite.isEmpty() ? null : toWrite.get(toWrite.size() - 1));
        continue;
      }
      if (!b.result.executedStateId().equals(info.executedStateId()) || b.result.version() != info.version()) {
        throw new CommitException("block " + eb.id() + " executed here to " + b.result + " but the quorum certified "
            + info.executedStateId() + " at " + info.version());
      }
      if (b.chunk.firstVersion() != latest + 1) {
        throw new CommitException("block " + eb.id() + " starts at version " + b.chunk.firstVersion()
            + " but the ledger is at " + latest);
      }
      toWrite.add(b);
      latest = b.chunk.lastVersion();
    }
    BlockInfo newRoot = chain.get(chain.size() - 1).info();
    SpeculativeBlock rootBlock = blocks.get(newRoot.id());
    prune(newRoot);
    writing = rootBlock;
    return writes.submit(() -> write(newRoot.id(), chain.size(), commit.proof(), commit.recovery(), toWrite));
  }

  /**
   * Commits, from what this executor executed, the block {@code target} certifies and its
   * ancestors above the ledger, if it has all of them with the certified result; else does nothing
   * and returns empty. This is what a state sync to that ledger info would fetch from peers, and
   * those peers may not have written it yet, or may be gone: the signers of a new epoch's proof
   * may all be nodes that, like this one, executed the epoch's last block without committing it,
   * while the one node that committed it has left the validator set.
   */
  public synchronized Optional<CompletableFuture<CommittedTransactions>> commitExecuted(
      LedgerInfoWithSignatures target, RecoveryData recovery) throws CommitException, StorageException {
    awaitWrites();
    rebaseOnLedger();
    BlockInfo info = target.ledgerInfo().commitInfo();
    long latest = store.latestVersion();
    if (info.version() <= latest) {
      return Optional.empty();
    }
    // The certified block itself, or (for a block after a reconfiguration, which consensus does
    // not hand to the executor) the block whose state it carries.
    SpeculativeBlock top = blocks.get(info.id());
    if (top == null) {
      top = blocks.values().stream().filter(b -> sameState(b, info)).findFirst().orElse(null);
    }
    if (top == null || !sameState(top, info)) {
      return Optional.empty();
    }
    List<SpeculativeBlock> chain = new ArrayList<>();
    for (SpeculativeBlock n = top; n != null && n.result.version() > latest; n = n.parent()) {
      chain.add(0, n);
    }
    List<SpeculativeBlock> toWrite = new ArrayList<>();
    long next = latest + 1;
    for (SpeculativeBlock b : chain) {
      if (b.chunk.transactions().isEmpty()) {
        continue;
      }
      if (b.chunk.firstVersion() != next) {
        return Optional.empty(); // a gap: the chain does not start at the ledger
      }
      toWrite.add(b);
      next = b.chunk.lastVersion() + 1;
    }
    if (next != info.version() + 1) {
      return Optional.empty();
    }
    prune(info);
    writing = top;
    LOG.info("committing {} block(s) executed here to version {} instead of fetching them", chain.size(),
        info.version());
    return Optional.of(writes.submit(() -> write(info.id(), chain.size(), target, recovery, toWrite)));
  }

  /** The writer's part of a commit: runs on the ledger writer thread, in submission order. */
  private CommittedTransactions write(HashValue lastId, int blockCount, LedgerInfoWithSignatures proof,
      RecoveryData recovery, List<SpeculativeBlock> toWrite) throws CommitException, StorageException {
    beforeEachCommitWrite.run();
    TreeMap<AccountAddress, Long> nextSeq = new TreeMap<>();
    List<HashValue> committed = new ArrayList<>();
    List<HashValue> discarded = new ArrayList<>();
    boolean ledgerInfoWritten = false;
    // The recovery record goes into the batch that writes the proof: one fsync, and it is durable
    // exactly when the commit it describes is.
    byte[] record = RecoveryCodec.encode(recovery);
    for (SpeculativeBlock b : toWrite) {
      boolean last = b.id.equals(lastId);
      Optional<LedgerInfoWithSignatures> li = last ? Optional.of(proof) : Optional.empty();
      HashValue root = store.commit(new BlockCommit(b.chunk.firstVersion(), b.chunk.transactions(),
          b.chunk.stateUpdate().orElseThrow(), li), last ? Optional.of(record) : Optional.empty());
      if (!root.equals(b.result.executedStateId())) {
        throw new CommitException("ledger root after block " + b.id + " is " + root + ", certified "
            + b.result.executedStateId());
      }
      ledgerInfoWritten |= last;
      for (TransactionToCommit t : b.chunk.transactions()) {
        if (t.transaction() instanceof Transaction.UserTransaction u) {
          nextSeq.merge(u.transaction().sender(), u.transaction().sequenceNumber() + 1, Math::max);
          committed.add(t.info().transactionHash());
        }
      }
      discarded.addAll(b.discarded);
    }
    if (!ledgerInfoWritten && proof.ledgerInfo().version() == store.latestVersion()
        && !proof.ledgerInfo().equals(store.latestLedgerInfo().map(l -> l.ledgerInfo()).orElse(null))) {
      // The last block added no transaction (it follows a reconfiguration), or its transactions
      // were committed before a restart: the proof still needs storing. A replayed proof older
      // than the ledger is already superseded.
      store.commitLedgerInfo(proof, Optional.of(record));
      ledgerInfoWritten = true;
    }
    if (ledgerInfoWritten) {
      ledger.recordStored();
    } else {
      ledger.saveRecoveryData(recovery);
    }
    committed.forEach(verified::forget);
    CommittedTransactions result = new CommittedTransactions(nextSeq, committed, discarded, store.latestVersion());
    for (CommitListener l : listeners) {
      l.onCommit(result);
    }
    LOG.info("committed {} block(s) to version {} (epoch {} round {})", blockCount, store.latestVersion(),
        proof.ledgerInfo().epoch(), proof.ledgerInfo().commitInfo().round());
    return result;
  }

  /**
   * Replaces the recovery record once the writes submitted before it are durable (so the record's
   * root never runs ahead of the ledger). The future fails if this or an earlier write failed.
   */
  public CompletableFuture<Void> submitRecoveryData(RecoveryData recovery) {
    return writes.submit(() -> {
      ledger.saveRecoveryData(recovery);
      return null;
    });
  }

  /**
   * The ledger's record of the latest committed blocks of {@code epoch} ({@link
   * CommittedBlockHistory}), once the writes in flight are durable. A ledger that cannot be read
   * gives an empty history: leader election then falls back to round-robin, which may disagree
   * with the peers' choice (a liveness matter only) until the node has committed enough blocks.
   */
  @Override
  public synchronized List<CommitRecord> committedHistory(long epoch, int limit) {
    try {
      awaitWrites();
      return CommittedBlockHistory.read(ledger, epoch, limit);
    } catch (StorageException | CommitException e) {
      LOG.error("cannot read the committed blocks of epoch {} for leader election: {}", epoch, e.getMessage());
      return List.of();
    }
  }

  /** Waits until every write submitted so far is durable; throws the first write failure. */
  public void awaitWrites() throws CommitException, StorageException {
    awaitResult(writes.last());
  }

  /** Waits until every write submitted so far has finished, successfully or not. */
  public void awaitWritesSettled() {
    writes.awaitSettled();
  }

  private static <T> T awaitResult(CompletableFuture<T> f) throws CommitException, StorageException {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CommitException("interrupted while waiting for the ledger write", e);
    } catch (java.util.concurrent.ExecutionException e) {
      Throwable c = e.getCause();
      if (c instanceof CommitException ce) {
        throw ce;
      }
      if (c instanceof StorageException se) {
        throw se;
      }
      if (c instanceof LedgerWriter.EarlierWriteFailedException ew) {
        throw new CommitException(ew.getMessage(), ew.getCause());
      }
      throw new CommitException("ledger write failed: " + c, c);
    }
  }

  /**
   * A block with nothing left to write must match what the ledger holds, or will hold once the
   * block written before it in this commit is written.
   */
  private void checkCommitted(ExecutedBlock eb, long latest, SpeculativeBlock written)
      throws CommitException, StorageException {
    BlockInfo info = eb.info();
    if (info.version() > latest) {
      throw new CommitException("block " + eb.id() + " at version " + info.version()
          + " was never executed here (ledger at " + latest + ")");
    }
    if (info.version() > store.latestVersion()) {
      // It carries the state of the block this commit writes just before it.
      if (written == null || !sameState(written, info)) {
        throw new CommitException("block " + eb.id() + " at version " + info.version()
            + " differs from the block this commit writes before it");
      }
      return;
    }
    if (!store.accumulatorRoot(info.version()).equals(info.executedStateId())) {
      throw new CommitException("the ledger at version " + info.version() + " differs from certified block "
          + eb.id());
    }
  }

  private static boolean sameState(SpeculativeBlock b, BlockInfo info) {
    return b.result.version() == info.version() && b.result.executedStateId().equals(info.executedStateId());
  }

  /**
   * Keeps only the speculative states that extend the new root (the root itself is now committed):
   * its descendants, and blocks built on an ancestor holding the root's state (the next epoch's
   * first blocks, built on the state that ended this epoch).
   */
  private void prune(BlockInfo newRoot) {
    blocks.values().removeIf(b -> b.id.equals(newRoot.id()) || !extendsRoot(b, newRoot));
  }

  private static boolean extendsRoot(SpeculativeBlock b, BlockInfo root) {
    for (SpeculativeBlock n = b; n != null; n = n.parent()) {
      if (n.id.equals(root.id()) || n.parentId.equals(root.id()) || (n != b && sameState(n, root))) {
        return true;
      }
    }
    return false;
  }

  /**
   * Lets every kept block read the blocks the ledger now holds from the ledger rather than
   * through their speculative ancestors (see {@link SpeculativeBlock#rebase}).
   */
  private void rebaseOnLedger() throws StorageException {
    long durable = store.latestVersion();
    if (durable == rebasedAt) {
      // Nothing became durable since the last pass; blocks executed since then sit on kept
      // blocks or on the ledger, so they have nothing to cut either.
      return;
    }
    if (writing != null && writing.result.version() <= durable) {
      writing = null;
    }
    for (SpeculativeBlock b : blocks.values()) {
      b.rebase(store, durable);
    }
    rebasedAt = durable;
  }

  /** Sets what runs on the writer thread before each commit's writes (for tests). */
  void beforeEachCommitWrite(Runnable hook) {
    beforeEachCommitWrite = hook;
  }

  /** The most speculative blocks any kept block's state reads walk through (for tests). */
  synchronized int longestChain() {
    return blocks.values().stream().mapToInt(SpeculativeBlock::depth).max().orElse(0);
  }

  private void awaitWritesForExecution() throws ExecutionException {
    try {
      awaitWrites();
    } catch (CommitException | StorageException e) {
      throw new ExecutionException("the ledger write this block depends on failed: " + e.getMessage());
    }
  }

  /** Lets the writes in flight finish, then stops the writer thread. */
  @Override
  public void close() {
    writes.close();
  }

  /**
   * Before state sync moves the ledger to {@code target} (the block its ledger info certifies):
   * keeps only the speculative states that extend it, as a commit of it would. Consensus may have
   * executed such a block in the same step that asked for the sync (a new epoch's first proposal,
   * built on the state that ended the epoch); dropping it would leave its children with no parent
   * state here, for good. Call with no write in flight ({@link #awaitWrites}).
   */
  public synchronized void retainExtending(BlockInfo target) {
    writing = null;
    prune(target);
  }
}
