package io.astraea.node.sync;

import io.astraea.crypto.HashValue;
import io.astraea.crypto.quorum.EpochState;
import io.astraea.crypto.quorum.LedgerInfoWithSignatures;
import io.astraea.crypto.quorum.VerifyException;
import io.astraea.ledger.accumulator.AccumulatorProofException;
import io.astraea.ledger.accumulator.AccumulatorVerifier;
import io.astraea.ledger.accumulator.InMemoryAccumulator;
import io.astraea.ledger.execution.BlockExecutor;
import io.astraea.ledger.execution.BlockOutput;
import io.astraea.ledger.execution.ExecutorConfig;
import io.astraea.ledger.jmt.JmtException;
import io.astraea.ledger.storage.BlockCommit;
import io.astraea.ledger.storage.LedgerStore;
import io.astraea.ledger.storage.StorageException;
import io.astraea.ledger.types.TransactionInfo;
import io.astraea.node.ledger.CommittedStateView;
import io.astraea.node.ledger.ExecutedChunk;
import io.astraea.node.ledger.LedgerReadException;
import io.astraea.node.ledger.LedgerService;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Verifies a {@link SyncResponse.Chunk} and commits it. Checks, in order: the ledger info the
 * chunk is proved against (the caller's trusted target, or one signed by a quorum of the epoch the
 * local ledger is in); that the chunk continues the local ledger; the accumulator range proof of
 * its infos; then re-executes the transactions on the local state and requires every result to be
 * kept and to reproduce its info exactly (transaction hash, state root, event root, gas, status).
 * Only then is the chunk committed, with the ledger info if the chunk reaches it.
 */
final class ChunkApplier {
  private final LedgerService ledger;
  private final LedgerStore store;
  private final BlockExecutor executor;

  ChunkApplier(LedgerService ledger, ExecutorConfig config) {
    this.ledger = ledger;
    this.store = ledger.store();
    // The infos are certified by a quorum, so the signatures they bind need no re-check.
    this.executor = new BlockExecutor(config.withoutSignatureChecks());
  }

  /** Applies {@code chunk}; returns the ledger info it committed, if it reached one. */
  Applied apply(SyncResponse.Chunk chunk, Optional<LedgerInfoWithSignatures> trustedTarget)
      throws SyncException {
    LedgerInfoWithSignatures proofLi = proofLedgerInfo(chunk, trustedTarget);
    int n = chunk.transactions().size();
    long latest = store.latestVersion();
    if (n == 0) {
      throw new SyncException(SyncException.Kind.UNAVAILABLE, "the peer sent no transactions");
    }
    if (chunk.infos().size() != n || chunk.proof().isEmpty()) {
      throw new SyncException(SyncException.Kind.MALFORMED, "chunk has " + n + " transactions, "
          + chunk.infos().size() + " infos" + (chunk.proof().isEmpty() ? ", no proof" : ""));
    }
    if (chunk.firstVersion() != latest + 1) {
      throw new SyncException(SyncException.Kind.MALFORMED,
          "chunk starts at " + chunk.firstVersion() + ", the ledger is at " + latest);
    }
    long last = chunk.firstVersion() + n - 1;
    if (last > chunk.ledgerVersion()) {
      throw new SyncException(SyncException.Kind.MALFORMED, "chunk goes past the version it is proved at");
    }
    List<HashValue> infoHashes = new ArrayList<>(n);
    for (TransactionInfo info : chunk.infos()) {
      infoHashes.add(info.hash());
    }
    try {
      AccumulatorVerifier.verifyRange(proofLi.ledgerInfo().commitInfo().executedStateId(), chunk.firstVersion(),
          infoHashes, chunk.proof().get());
    } catch (AccumulatorProofException e) {
      throw new SyncException(SyncException.Kind.VERIFICATION, "range proof: " + e.getMessage(), e);
    }
    ExecutedChunk executed = reexecute(chunk, latest);
    Optional<LedgerInfoWithSignatures> li = last == chunk.ledgerVersion() ? Optional.of(proofLi) : Optional.empty();
    try {
      HashValue root = store.commit(new BlockCommit(chunk.firstVersion(), executed.transactions(),
          executed.stateUpdate().orElseThrow(), li));
      if (li.isPresent() && !root.equals(proofLi.ledgerInfo().commitInfo().executedStateId())) {
        throw new SyncException(SyncException.Kind.VERIFICATION, "committed root differs from the ledger info");
      }
    } catch (StorageException e) {
      throw new SyncException(SyncException.Kind.LOCAL_STORAGE, "commit failed: " + e.getMessage(), e);
    }
    return new Applied(executed, li);
  }

  /** What one chunk committed. */
  record Applied(ExecutedChunk chunk, Optional<LedgerInfoWithSignatures> ledgerInfo) {}

  private LedgerInfoWithSignatures proofLedgerInfo(
      SyncResponse.Chunk chunk, Optional<LedgerInfoWithSignatures> trustedTarget) throws SyncException {
    if (trustedTarget.isPresent() && trustedTarget.get().ledgerInfo().version() == chunk.ledgerVersion()) {
      return trustedTarget.get();
    }
    LedgerInfoWithSignatures li = chunk.ledgerInfo().orElseThrow(() -> new SyncException(
        SyncException.Kind.MALFORMED, "chunk proved at " + chunk.ledgerVersion() + " without a ledger info"));
    if (li.ledgerInfo().version() != chunk.ledgerVersion()) {
      throw new SyncException(SyncException.Kind.MALFORMED, "ledger info is for version "
          + li.ledgerInfo().version() + ", the proof for " + chunk.ledgerVersion());
    }
    EpochState epoch;
    try {
      epoch = ledger.currentEpochState();
    } catch (StorageException e) {
      throw new SyncException(SyncException.Kind.LOCAL_STORAGE, "cannot read the epoch: " + e.getMessage(), e);
    }
    try {
      li.verify(epoch);
    } catch (VerifyException e) {
      throw new SyncException(SyncException.Kind.VERIFICATION, "ledger info: " + e.getMessage(), e);
    }
    return li;
  }

  private ExecutedChunk reexecute(SyncResponse.Chunk chunk, long latest) throws SyncException {
    BlockOutput out;
    ExecutedChunk executed;
    try {
      out = executor.executeTransactions(new CommittedStateView(store, latest), chunk.transactions());
      InMemoryAccumulator acc = InMemoryAccumulator.transactions(store.frozenSubtreeRoots(latest), latest + 1);
      executed = ExecutedChunk.build(store.stateTree(), latest, acc, chunk.transactions(), out.outputs());
    } catch (io.astraea.ledger.execution.ExecutionException e) {
      throw new SyncException(SyncException.Kind.VERIFICATION, "chunk does not execute: " + e.getMessage(), e);
    } catch (LedgerReadException | StorageException | AccumulatorProofException | JmtException e) {
      throw new SyncException(SyncException.Kind.LOCAL_STORAGE, "re-execution failed: " + e.getMessage(), e);
    }
    if (executed.transactions().size() != chunk.transactions().size()) {
      throw new SyncException(SyncException.Kind.VERIFICATION, "re-execution discards certified transactions");
    }
    for (int i = 0; i < chunk.infos().size(); i++) {
      if (!executed.transactions().get(i).info().equals(chunk.infos().get(i))) {
        throw new SyncException(SyncException.Kind.VERIFICATION, "re-executed info at version "
            + (chunk.firstVersion() + i) + " differs from the certified one");
      }
    }
    return executed;
  }
}
