package io.astraea.node.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.astraea.consensus.ExecutionResult;
import io.astraea.consensus.Executor;
import io.astraea.consensus.RecoveryData;
import io.astraea.consensus.blocks.ExecutedBlock;
import io.astraea.consensus.liveness.CommitRecord;
import io.astraea.consensus.types.Block;
import io.astraea.consensus.types.Payload;
import io.astraea.crypto.HashValue;
import io.astraea.crypto.quorum.BlockInfo;
import io.astraea.crypto.quorum.EpochState;
import io.astraea.ledger.execution.ExecutorConfig;
import io.astraea.ledger.state.AccountState;
import io.astraea.ledger.types.BlockMetadata;
import io.astraea.ledger.types.RawTransaction;
import io.astraea.ledger.types.SignedTransaction;
import io.astraea.ledger.types.Transaction;
import io.astraea.ledger.types.TransactionAuthenticator;
import io.astraea.ledger.storage.StorageException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpeculativeExecutorTest {
  @TempDir Path dir;
  private final TestChain chain = new TestChain();
  private final VerifiedSignatures verified = new VerifiedSignatures(1_000);
  private LedgerService ledger;
  private SpeculativeExecutor executor;
  private RecoveryData start;
  private EpochState epoch;

  @BeforeEach
  void open() throws Exception {
    ledger = LedgerService.open(dir, chain.description());
    executor = new SpeculativeExecutor(ledger, verified, ExecutorConfig.standard());
    start = ledger.recoveryData();
    epoch = start.epochState();
  }

  @AfterEach
  void close() {
    executor.close();
    ledger.close();
  }

  private ExecutedBlock run(Block b, BlockInfo parent) throws Executor.ExecutionException {
    return new ExecutedBlock(b, TestChain.info(b, executor.execute(b, parent)));
  }

  private long balance(int user) throws Exception {
    return AccountState.fromBcs(ledger.committedView().getAccountBlob(chain.user(user)).orElseThrow())
        .balance("XUS");
  }

  @Test
  void forksExecuteIndependentlyAndCommittingOneDropsTheOther() throws Exception {
    BlockInfo root = start.root().info();
    ExecutedBlock b1 = run(chain.proposal(root, 1, List.of(chain.transfer(0, 1, 0, 100))), root);
    assertEquals(2, b1.info().version(), "metadata and one transfer get versions 1 and 2");
    ExecutedBlock left = run(chain.proposal(b1.info(), 2, List.of(chain.transfer(0, 2, 1, 5))), b1.info());
    ExecutedBlock right = run(chain.proposal(b1.info(), 3, List.of(chain.transfer(1, 2, 0, 7),
        chain.transfer(2, 0, 0, 1))), b1.info());
    assertEquals(4, left.info().version());
    assertEquals(5, right.info().version());
    assertNotEquals(left.info().executedStateId(), right.info().executedStateId());
    // executing again is a lookup with the same answer (determinism for votes)
    assertEquals(right.info().executedStateId(),
        executor.execute(right.block(), b1.info()).executedStateId());
    assertEquals(0, ledger.latestVersion(), "nothing commits before consensus says so");
    assertEquals(3, executor.pendingBlocks());

    CommittedTransactions c = executor.commit(chain.commit(epoch, List.of(b1, left)));
    assertEquals(4, ledger.latestVersion());
    assertEquals(left.info().executedStateId(), ledger.store().accumulatorRoot(4));
    assertEquals(2L, c.nextSequenceNumbers().get(chain.user(0)));
    assertEquals(2, c.committed().size());
    assertEquals(0, executor.pendingBlocks(), "the losing fork is dropped with the committed blocks");
    assertEquals(TestChain.FUNDS - 105, balance(0));
    assertEquals(TestChain.FUNDS + 100, balance(1));
    assertEquals(left.info(), ledger.store().latestLedgerInfo().orElseThrow().ledgerInfo().commitInfo());

    Block orphan = chain.proposal(right.info(), 4, List.of());
    assertThrows(Executor.ExecutionException.class, () -> executor.execute(orphan, right.info()),
        "a child of the abandoned fork has no parent state any more");
    // the committed block is the new base: a child executes on the committed ledger
    ExecutedBlock next = run(chain.proposal(left.info(), 4, List.of(chain.transfer(0, 1, 2, 1))), left.info());
    assertEquals(6, next.info().version());
  }

  @Test
  void commitIsDurableAndReplayingItIsANoOp() throws Exception {
    BlockInfo root = start.root().info();
    ExecutedBlock b1 = run(chain.proposal(root, 1, List.of(chain.transfer(0, 1, 0, 10))), root);
    ExecutedBlock b2 = run(chain.proposal(b1.info(), 2, List.of(chain.transfer(1, 0, 0, 3))), b1.info());
    var commit = chain.commit(epoch, List.of(b1, b2));
    executor.commit(commit);
    HashValue rootHash = ledger.store().accumulatorRoot(ledger.latestVersion());
    long version = ledger.latestVersion();
    executor.close();
    ledger.close();

    ledger = LedgerService.open(dir, chain.description());
    executor = new SpeculativeExecutor(ledger, verified, ExecutorConfig.standard());
    assertEquals(version, ledger.latestVersion());
    assertEquals(rootHash, ledger.store().accumulatorRoot(version));
    RecoveryData resumed = ledger.recoveryData();
    assertEquals(b2.id(), resumed.root().id());
    assertEquals(b2.info(), resumed.root().info());
    // the same commit again (a restart between ledger commit and recovery record) changes nothing
    executor.commit(commit);
    assertEquals(version, ledger.latestVersion());
    assertEquals(rootHash, ledger.store().accumulatorRoot(version));
    // an older commit replayed (its proof superseded by the stored one) changes nothing either
    executor.commit(chain.commit(epoch, List.of(b1)));
    assertEquals(b2.info(), ledger.latestLedgerInfo().ledgerInfo().commitInfo());
    // re-executing an already committed block on its committed parent reproduces its result
    assertEquals(b2.info().executedStateId(), executor.execute(b2.block(), b1.info()).executedStateId());
  }

  @Test
  void blocksAfterAReconfigurationExecuteNothing() throws Exception {
    BlockInfo root = start.root().info();
    ExecutedBlock reconfig = run(chain.proposal(root, 1, List.of(chain.removeValidator(1, 0, 0))), root);
    EpochState next = reconfig.info().nextEpochState().orElseThrow();
    assertEquals(2, next.epoch());
    assertEquals(1, next.verifier().size());
    Block suffix = chain.proposal(reconfig.info(), 2, List.of(chain.transfer(0, 1, 0, 1)));
    ExecutionResult r = executor.execute(suffix, reconfig.info());
    assertEquals(reconfig.info().executedStateId(), r.executedStateId());
    assertEquals(reconfig.info().version(), r.version());
    assertEquals(reconfig.info().nextEpochState(), r.nextEpochState());

    ExecutedBlock s = new ExecutedBlock(suffix, TestChain.info(suffix, r));
    var commit = chain.commit(epoch, List.of(reconfig, s));

    // consensus enters epoch 2 and executes its first block before the node applies the commit
    RecoveryData epoch2 = RecoveryData.epochStart(commit.proof().ledgerInfo(), next);
    ExecutedBlock first = run(chain.proposal(epoch2.root().info(), 1, List.of(chain.transfer(0, 1, 0, 1))),
        epoch2.root().info());
    assertEquals(2, first.block().epoch());
    assertEquals(reconfig.info().version() + 2, first.info().version());

    executor.commit(commit);
    assertEquals(reconfig.info().version(), ledger.latestVersion());
    assertEquals(s.info(), ledger.latestLedgerInfo().ledgerInfo().commitInfo(),
        "the suffix block's ledger info is stored even though it adds no transaction");
    assertEquals(2, ledger.currentEpochState().epoch());
    assertEquals(0, balance(0) - TestChain.FUNDS, "the suffix transfer never ran");
    assertEquals(1, executor.pendingBlocks(), "the new epoch's block survives the old epoch's commit");

    executor.commit(chain.commit(next, List.of(first)));
    assertEquals(first.info().version(), ledger.latestVersion());
    assertEquals(first.info().executedStateId(), ledger.store().accumulatorRoot(first.info().version()));
    assertEquals(TestChain.FUNDS - 1, balance(0));
  }

  @Test
  void committedHistoryIsWhatConsensusRecordsOfEachCommittedBlockOfTheEpoch() throws Exception {
    BlockInfo root = start.root().info();
    ExecutedBlock b1 = run(chain.proposal(root, 1, List.of(chain.transfer(0, 1, 0, 1))), root);
    ExecutedBlock nil = run(chain.nil(b1.info(), 2), b1.info());
    ExecutedBlock b3 = run(chain.proposal(nil.info(), 3, List.of()), nil.info());
    executor.commit(chain.commit(epoch, List.of(b1, nil)));
    executor.commit(chain.commit(epoch, List.of(b3)));
    List<CommitRecord> expected = List.of(CommitRecord.of(b1.block()), CommitRecord.of(nil.block()),
        CommitRecord.of(b3.block()));
    assertEquals(expected, executor.committedHistory(1, 10));
    assertEquals(expected.subList(1, 3), executor.committedHistory(1, 2));
    assertTrue(executor.committedHistory(1, 0).isEmpty());

    // A reconfiguration ends epoch 1; its suffix block carries no metadata and is not recorded.
    ExecutedBlock reconfig = run(chain.proposal(b3.info(), 4, List.of(chain.removeValidator(1, 0, 0))), b3.info());
    EpochState next = reconfig.info().nextEpochState().orElseThrow();
    Block suffix = chain.proposal(reconfig.info(), 5, List.of());
    ExecutedBlock s = new ExecutedBlock(suffix, TestChain.info(suffix, executor.execute(suffix, reconfig.info())));
    var end = chain.commit(epoch, List.of(reconfig, s));
    executor.commit(end);
    assertTrue(executor.committedHistory(2, 10).isEmpty(), "nothing of epoch 2 is committed yet");
    RecoveryData epoch2 = RecoveryData.epochStart(end.proof().ledgerInfo(), next);
    ExecutedBlock first = run(chain.proposal(epoch2.root().info(), 1, List.of()), epoch2.root().info());
    executor.commit(chain.commit(next, List.of(first)));

    assertEquals(List.of(CommitRecord.of(first.block())), executor.committedHistory(2, 10));
    assertEquals(List.of(expected.get(1), expected.get(2), CommitRecord.of(reconfig.block())),
        executor.committedHistory(1, 3), "epoch 1's history ends at its reconfiguration");
    assertTrue(executor.committedHistory(3, 10).isEmpty());
  }

  @Test
  void aSignatureTheMempoolVerifiedIsNotCheckedAgain() throws Exception {
    BlockInfo root = start.root().info();
    SignedTransaction good = chain.transfer(0, 1, 0, 1);
    TransactionAuthenticator.Ed25519 auth = (TransactionAuthenticator.Ed25519) good.authenticator();
    SignedTransaction unchecked = new SignedTransaction(chain.transfer(0, 1, 0, 2).rawTxn(), auth);
    // the cache is trusted: a hash recorded as verified skips the check entirely
    verified.markVerified(unchecked.hash());
    assertEquals(2, run(chain.proposal(root, 1, List.of(unchecked)), root).info().version());
  }

  @Test
  void undecodablePayloadFailsExecution() {
    BlockInfo root = start.root().info();
    Block bad = chain.proposal(root, 1, Payload.of(new byte[] {5, 1, 2, 3}));
    Executor.ExecutionException e =
        assertThrows(Executor.ExecutionException.class, () -> executor.execute(bad, root));
    assertTrue(e.getMessage().contains("does not decode"), e.getMessage());
    SignedTransaction t = chain.transfer(0, 1, 0, 1);
    byte[] good = PayloadCodec.encode(List.of(t)).toBytes();
    byte[] trailing = java.util.Arrays.copyOf(good, good.length + 1);
    assertThrows(Executor.ExecutionException.class,
        () -> executor.execute(chain.proposal(root, 2, Payload.of(trailing)), root));
  }

  @Test
  void nilBlockRunsOnlyItsMetadataWithTheNilProposer() throws Exception {
    BlockInfo root = start.root().info();
    ExecutedBlock b1 = run(chain.proposal(root, 1, List.of()), root);
    ExecutedBlock nil = run(chain.nil(b1.info(), 2), b1.info());
    assertEquals(b1.info().version() + 1, nil.info().version());
    executor.commit(chain.commit(epoch, List.of(b1, nil)));
    Transaction t = ledger.store().transaction(nil.info().version(), false).transaction();
    BlockMetadata m = ((Transaction.BlockMetadataTransaction) t).metadata();
    assertEquals(nil.id(), m.id());
    assertEquals(io.astraea.ledger.state.StateKeys.NIL_PROPOSER, m.proposer());
    assertEquals(2, m.previousBlockVotes().size(), "the parent's certificate signers are recorded");
  }

  @Test
  void aTransactionNeverVerifiedHereIsVerifiedAndABadSignatureGetsNoVersion() throws Exception {
    BlockInfo root = start.root().info();
    SignedTransaction good = chain.transfer(0, 1, 0, 1);
    RawTransaction raw = chain.transfer(1, 0, 0, 1).rawTxn();
    TransactionAuthenticator.Ed25519 auth = (TransactionAuthenticator.Ed25519) good.authenticator();
    SignedTransaction forged = new SignedTransaction(raw,
        new TransactionAuthenticator.Ed25519(chain.users.get(1).publicKey(), auth.signature()));
    assertFalse(verified.isVerified(forged.hash()));
    ExecutedBlock b = run(chain.proposal(root, 1, List.of(good, forged)), root);
    assertEquals(2, b.info().version(), "metadata and the good transfer only");
    assertTrue(verified.isVerified(good.hash()));
    assertFalse(verified.isVerified(forged.hash()));
    CommittedTransactions c = executor.commit(chain.commit(epoch, List.of(b)));
    assertEquals(List.of(forged.hash()), c.discarded());
    assertTrue(ledger.store().transactionByHash(forged.hash(), false).isEmpty());
  }

  @Test
  void theNextBlockExecutesWhileTheCommitBeforeItIsWritten() throws Exception {
    BlockInfo root = start.root().info();
    SignedTransaction first = chain.transfer(0, 1, 0, 10);
    ExecutedBlock b1 = run(chain.proposal(root, 1, List.of(first)), root);
    ExecutedBlock b2 = run(chain.proposal(b1.info(), 2, List.of(chain.transfer(1, 2, 0, 4))), b1.info());
    // Listeners run last on the writer thread: holding one holds the commit unfinished.
    CountDownLatch listenerEntered = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    executor.addCommitListener(c -> {
      listenerEntered.countDown();
      try {
        release.await(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    CompletableFuture<CommittedTransactions> written = executor.submitCommit(chain.commit(epoch, List.of(b1)));
    assertTrue(listenerEntered.await(10, TimeUnit.SECONDS), "the commit reaches its listeners");
    assertFalse(written.isDone(), "the commit is not finished while a listener holds it");
    // meanwhile the consensus thread executes the grandchild of the block being committed
    ExecutedBlock b3 = run(chain.proposal(b2.info(), 3, List.of(chain.transfer(2, 0, 0, 1))), b2.info());
    assertEquals(b2.info().version() + 2, b3.info().version());
    release.countDown();
    assertEquals(List.of(first.hash()), written.get(10, TimeUnit.SECONDS).committed());
    assertEquals(b1.info().version(), ledger.latestVersion());
    executor.commit(chain.commit(epoch, List.of(b2, b3)));
    assertEquals(b3.info().executedStateId(), ledger.store().accumulatorRoot(ledger.latestVersion()));
    assertEquals(b3.info(), ledger.recoveryData().root().info(), "the recovery record follows the last commit");
  }

  @Test
  void aBlockOnACommittedBlockStillBeingWrittenWaitsForTheWrite() throws Exception {
    BlockInfo root = start.root().info();
    ExecutedBlock b1 = run(chain.proposal(root, 1, List.of(chain.transfer(0, 1, 0, 10))), root);
    ExecutedBlock b2 = run(chain.proposal(b1.info(), 2, List.of(chain.transfer(1, 2, 0, 4))), b1.info());
    CountDownLatch writeEntered = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    executor.beforeEachCommitWrite(() -> {
      writeEntered.countDown();
      try {
        release.await(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    CompletableFuture<CommittedTransactions> written = executor.submitCommit(chain.commit(epoch, List.of(b1, b2)));
    assertTrue(writeEntered.await(10, TimeUnit.SECONDS));
    assertEquals(root.version(), ledger.latestVersion(), "nothing of the commit is written yet");
    // A block on b1, not on b2 (the commit's last block): b1's speculative state is gone with the
    // commit, and the ledger does not hold it yet. Its transfer is valid on b1's state only (on
    // b2's, user 1's sequence number 0 is used), so where it executed shows in its version.
    Block onB1 = chain.proposal(b1.info(), 3, List.of(chain.transfer(1, 0, 0, 3)));
    CompletableFuture<ExecutedBlock> executed = CompletableFuture.supplyAsync(() -> {
      try {
        return run(onB1, b1.info());
      } catch (Executor.ExecutionException e) {
        throw new java.util.concurrent.CompletionException(e);
      }
    });
    assertThrows(java.util.concurrent.TimeoutException.class, () -> executed.get(300, TimeUnit.MILLISECONDS),
        "the block waits for the write it depends on");
    release.countDown();
    assertEquals(b2.info().version(), written.get(10, TimeUnit.SECONDS).latestVersion());
    assertEquals(b1.info().version() + 2, executed.get(10, TimeUnit.SECONDS).info().version(),
        "the block executed on b1's committed state, its transfer kept");
  }

  @Test
  void aFailedWriteFailsEveryWriteAfterIt() throws Exception {
    BlockInfo root = start.root().info();
    ExecutedBlock b1 = run(chain.proposal(root, 1, List.of(chain.transfer(0, 1, 0, 10))), root);
    RecoveryData before = ledger.recoveryData();
    ledger.store().close(); // the disk goes away: RocksDB refuses the write
    CompletableFuture<CommittedTransactions> written = executor.submitCommit(chain.commit(epoch, List.of(b1)));
    ExecutionException e = assertThrows(ExecutionException.class, () -> written.get(10, TimeUnit.SECONDS));
    assertTrue(e.getCause() instanceof StorageException, e.getCause().toString());
    CompletableFuture<Void> record = executor.submitRecoveryData(before);
    ExecutionException later = assertThrows(ExecutionException.class, () -> record.get(10, TimeUnit.SECONDS));
    assertTrue(later.getCause().getMessage().contains("an earlier ledger write failed"), later.getCause().getMessage());
    assertThrows(CommitException.class, executor::awaitWrites);
  }

  @Test
  void committedAncestorsAreLetGoInsteadOfChainingTheWholeHistory() throws Exception {
    // Two-chain order: a block executes before its parent commits, so without re-basing on the
    // ledger every block would keep all of its ancestors reachable and read through them.
    BlockInfo root = start.root().info();
    ExecutedBlock previous = null;
    ExecutedBlock b = run(chain.proposal(root, 1, List.of(chain.transfer(0, 1, 0, 1))), root);
    for (int round = 2; round <= 30; round++) {
      previous = b;
      b = run(chain.proposal(b.info(), round, List.of(chain.transfer(0, 1, round - 1, 1))), b.info());
      executor.commit(chain.commit(epoch, List.of(previous)));
      assertTrue(executor.longestChain() <= 2, "state reads walk " + executor.longestChain() + " blocks");
    }
    ExecutedBlock last = run(chain.proposal(b.info(), 31, List.of(chain.transfer(0, 2, 30, 7))), b.info());
    assertTrue(executor.longestChain() <= 2, "state reads walk " + executor.longestChain() + " blocks");
    executor.commit(chain.commit(epoch, List.of(b, last)));
    assertEquals(TestChain.FUNDS - 37, balance(0), "reads through re-based blocks saw every earlier write");
    assertEquals(TestChain.FUNDS + 30, balance(1));
    assertEquals(TestChain.FUNDS + 7, balance(2));
  }

  @Test
  void aSyncToABlockKeepsTheStatesBuiltOnItAndDropsTheRest() throws Exception {
    // Consensus executed b2 on b1, then learned that b1 is committed and asked for a state sync to
    // it (in one step: a new epoch's first proposal, built on the state that ended the epoch).
    BlockInfo root = start.root().info();
    ExecutedBlock b1 = run(chain.proposal(root, 1, List.of(chain.transfer(0, 1, 0, 10))), root);
    ExecutedBlock b2 = run(chain.proposal(b1.info(), 2, List.of(chain.transfer(1, 2, 0, 4))), b1.info());
    run(chain.proposal(root, 3, List.of(chain.transfer(2, 0, 0, 1))), root); // a fork beside b1
    assertEquals(3, executor.pendingBlocks());
    executor.retainExtending(b1.info());
    assertEquals(1, executor.pendingBlocks(), "b2 extends the sync target; b1 and the fork are gone");

    // State sync writes b1's transactions (here: another executor on the same ledger commits them).
    try (SpeculativeExecutor sync = new SpeculativeExecutor(ledger, verified, ExecutorConfig.standard())) {
      sync.execute(b1.block(), root);
      sync.commit(chain.commit(epoch, List.of(b1)));
    }
    assertEquals(b1.info().version(), ledger.latestVersion());
    // b2's child executes (b2 now reads through to the synced ledger), and the chain commits.
    ExecutedBlock b3 = run(chain.proposal(b2.info(), 4, List.of(chain.transfer(2, 0, 0, 3))), b2.info());
    executor.commit(chain.commit(epoch, List.of(b2, b3)));
    assertEquals(TestChain.FUNDS - 10 + 3, balance(0));
    assertEquals(TestChain.FUNDS + 10 - 4, balance(1));
    assertEquals(TestChain.FUNDS + 4 - 3, balance(2));
  }

  @Test
  void aSyncTargetExecutedHereIsCommittedFromTheSpeculativeState() throws Exception {
    // The signers of a new epoch's proof may all have executed its last block without committing
    // it; a node in that position commits what it executed instead of asking them.
    BlockInfo root = start.root().info();
    ExecutedBlock b1 = run(chain.proposal(root, 1, List.of(chain.transfer(0, 1, 0, 10))), root);
    ExecutedBlock b2 = run(chain.proposal(b1.info(), 2, List.of(chain.transfer(1, 2, 0, 4))), b1.info());
    ExecutedBlock b3 = run(chain.proposal(b2.info(), 3, List.of()), b2.info());
    // The proof certifies a block that carries b2's state without having been executed here, as a
    // block after a reconfiguration does.
    Block carrier = chain.proposal(b2.info(), 9, List.of());
    ExecutedBlock sameState = new ExecutedBlock(carrier, TestChain.info(carrier,
        new ExecutionResult(b2.info().executedStateId(), b2.info().version(), java.util.Optional.empty())));
    var certified = chain.commit(epoch, List.of(sameState));
    assertTrue(executor.commitExecuted(certified.proof(), certified.recovery()).isPresent());
    executor.awaitWrites();
    assertEquals(b2.info().version(), ledger.latestVersion());
    assertEquals(b2.info().executedStateId(), ledger.store().accumulatorRoot(ledger.latestVersion()));
    assertEquals(sameState.info(), ledger.latestLedgerInfo().ledgerInfo().commitInfo());
    assertEquals(sameState.info(), ledger.recoveryData().root().info());
    assertEquals(TestChain.FUNDS + 10 - 4, balance(1));
    assertEquals(1, executor.pendingBlocks(), "b3, built on b2, stays");
    ExecutedBlock b4 = run(chain.proposal(b3.info(), 4, List.of(chain.transfer(2, 0, 0, 1))), b3.info());
    executor.commit(chain.commit(epoch, List.of(b3, b4)));
    assertEquals(TestChain.FUNDS + 4 - 1, balance(2));

    // A target this executor did not execute is left to state sync.
    Block other = chain.proposal(b4.info(), 5, List.of());
    ExecutedBlock elsewhere = new ExecutedBlock(other, TestChain.info(other,
        new ExecutionResult(b4.info().executedStateId(), b4.info().version() + 1, java.util.Optional.empty())));
    var unknown = chain.commit(epoch, List.of(elsewhere));
    assertTrue(executor.commitExecuted(unknown.proof(), unknown.recovery()).isEmpty());
    assertEquals(b4.info().version(), ledger.latestVersion());
  }
}
