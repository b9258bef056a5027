package io.astraea.node.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.astraea.consensus.Action;
import io.astraea.consensus.RecoveryData;
import io.astraea.consensus.blocks.ExecutedBlock;
import io.astraea.consensus.types.Block;
import io.astraea.crypto.AccountAddress;
import io.astraea.crypto.Ed25519Signature;
import io.astraea.crypto.quorum.BlockInfo;
import io.astraea.crypto.quorum.EpochState;
import io.astraea.crypto.quorum.LedgerInfoWithSignatures;
import io.astraea.ledger.execution.ExecutorConfig;
import io.astraea.ledger.types.SignedTransaction;
import io.astraea.ledger.types.Transaction;
import io.astraea.ledger.types.TransactionInfo;
import io.astraea.node.ledger.LedgerService;
import io.astraea.node.ledger.SpeculativeExecutor;
import io.astraea.node.ledger.TestChain;
import io.astraea.node.ledger.VerifiedSignatures;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two ledgers with the same genesis: the leader commits blocks (crossing an epoch change), the
 * follower catches up from its chunks alone and ends at the same accumulator root.
 */
class StateSyncTest {
  private static final AccountAddress PEER = TestChain.address(TestChain.key(200));

  @TempDir Path dirA;
  @TempDir Path dirB;
  private final TestChain chain = new TestChain();
  private LedgerService leader;
  private LedgerService follower;
  private SyncServer server;
  private LedgerInfoWithSignatures epochOneEnd;

  @BeforeEach
  void setUp() throws Exception {
    leader = LedgerService.open(dirA, chain.description());
    follower = LedgerService.open(dirB, chain.description());
    server = new SyncServer(leader.store(), 3, 1 << 20);
    advanceLeader();
  }

  @AfterEach
  void tearDown() {
    leader.close();
    follower.close();
  }

  /** Epoch 1: two blocks of transfers, then a reconfiguration; epoch 2: two more blocks. */
  private void advanceLeader() throws Exception {
    SpeculativeExecutor ex = new SpeculativeExecutor(leader, new VerifiedSignatures(100), ExecutorConfig.standard());
    RecoveryData start = leader.recoveryData();
    EpochState e1 = start.epochState();
    BlockInfo parent = start.root().info();
    long seq = 0;
    long round = 1;
    for (int i = 0; i < 2; i++) {
      List<SignedTransaction> txns = List.of(chain.transfer(0, 1, seq++, 10), chain.transfer(0, 2, seq++, 20));
      parent = commitOne(ex, e1, chain.proposal(parent, round++, txns), parent);
    }
    parent = commitOne(ex, e1, chain.proposal(parent, round++, List.of(chain.removeValidator(1, 0, 0))), parent);
    epochOneEnd = leader.latestLedgerInfo();
    EpochState e2 = parent.nextEpochState().orElseThrow();
    RecoveryData epoch2 = RecoveryData.epochStart(epochOneEnd.ledgerInfo(), e2);
    parent = epoch2.root().info();
    round = 1;
    for (int i = 0; i < 2; i++) {
      List<SignedTransaction> txns = List.of(chain.transfer(1, 0, i, 5), chain.transfer(0, 2, seq++, 1));
      parent = commitOne(ex, e2, chain.proposal(parent, round++, txns), parent);
    }
  }

  private BlockInfo commitOne(SpeculativeExecutor ex, EpochState epoch, Block b, BlockInfo parent) throws Exception {
    ExecutedBlock eb = new ExecutedBlock(b, TestChain.info(b, ex.execute(b, parent)));
    ex.commit(chain.commit(epoch, List.of(eb)));
    return eb.info();
  }

  private SyncClient client(UnaryOperator<byte[]> tamper) {
    return new SyncClient(follower, (peer, req) -> tamper.apply(server.handle(req)), ExecutorConfig.standard(), 2);
  }

  @Test
  void followerCatchesUpAcrossTheEpochChangeToTheSameRoot() throws Exception {
    LedgerInfoWithSignatures target = leader.latestLedgerInfo();
    assertEquals(2, target.ledgerInfo().epoch());
    SpeculativeExecutor followerExec =
        new SpeculativeExecutor(follower, new VerifiedSignatures(100), ExecutorConfig.standard());
    RecoveryData recovery = RecoveryData.epochStart(epochOneEnd.ledgerInfo(),
        epochOneEnd.ledgerInfo().commitInfo().nextEpochState().orElseThrow());
    new StateSynchronizer(follower, followerExec, client(b -> b), a -> List.of(PEER))
        .syncTo(new Action.SyncTo(target, recovery));

    long v = leader.latestVersion();
    assertEquals(v, follower.latestVersion());
    assertEquals(leader.store().accumulatorRoot(v), follower.store().accumulatorRoot(v));
    assertEquals(leader.store().stateRoot(v), follower.store().stateRoot(v));
    assertEquals(target, follower.latestLedgerInfo());
    assertEquals(epochOneEnd, follower.store().ledgerInfo(1).orElseThrow(),
        "the epoch-ending ledger info came along, so the follower can serve epoch proofs too");
    assertEquals(2, follower.currentEpochState().epoch());
    assertEquals(recovery.root().id(), follower.recoveryData().root().id());
    for (long i = 0; i <= v; i++) {
      assertEquals(leader.store().transactionInfo(i), follower.store().transactionInfo(i));
    }
  }

  @Test
  void peersThatCannotServeYetAreAskedAgainUntilOneDoes() throws Exception {
    // The signers of a fresh ledger info may still be writing what it certifies.
    AtomicInteger calls = new AtomicInteger();
    byte[] notYet = new SyncResponse.Refused("version 5 is not committed here (latest 3)").toBcs();
    SyncClient client = new SyncClient(follower,
        (peer, req) -> calls.incrementAndGet() <= 4 ? notYet : server.handle(req), ExecutorConfig.standard(), 2);
    LedgerInfoWithSignatures target = leader.latestLedgerInfo();
    client.syncTo(target, List.of(PEER, TestChain.address(TestChain.key(201))));
    assertEquals(leader.latestVersion(), follower.latestVersion());
    assertEquals(target, follower.latestLedgerInfo());
    assertTrue(calls.get() > 4);
  }

  @Test
  void peersThatNeverServeFailTheSyncOnceTheRetryWindowEnds() {
    AtomicInteger calls = new AtomicInteger();
    byte[] notYet = new SyncResponse.Refused("not committed here").toBcs();
    SyncClient client = new SyncClient(follower, (peer, req) -> {
      calls.incrementAndGet();
      return notYet;
    }, ExecutorConfig.standard(), 2, Duration.ofMillis(400));
    SyncException e = assertThrows(SyncException.class,
        () -> client.syncTo(leader.latestLedgerInfo(), List.of(PEER)));
    assertEquals(SyncException.Kind.UNAVAILABLE, e.kind());
    assertTrue(calls.get() >= 3, "asked again within the window: " + calls.get() + " calls");
    assertEquals(0, follower.latestVersion());
  }

  @Test
  void syncToLatestVerifiesTheServersLedgerInfos() throws Exception {
    long v = client(b -> b).syncToLatest(List.of(PEER));
    assertEquals(leader.latestVersion(), v);
    assertEquals(leader.latestLedgerInfo(), follower.latestLedgerInfo());
    assertEquals(v, client(b -> b).syncToLatest(List.of(PEER)), "nothing newer: no change");
  }

  @Test
  void aTamperedInfoFailsTheRangeProof() {
    SyncException e = assertThrows(SyncException.class, () -> client(b -> editChunk(b, c -> {
      List<TransactionInfo> infos = new ArrayList<>(c.infos());
      TransactionInfo i = infos.get(1);
      infos.set(1, new TransactionInfo(i.transactionHash(), i.stateRootHash(), i.eventRootHash(), i.gasUsed() + 1,
          i.status()));
      return new SyncResponse.Chunk(c.firstVersion(), c.transactions(), infos, c.proof(), c.ledgerVersion(),
          c.ledgerInfo());
    })).syncTo(leader.latestLedgerInfo(), List.of(PEER)));
    assertEquals(SyncException.Kind.VERIFICATION, e.kind());
    assertEquals(0, follower.latestVersion(), "nothing of a bad chunk is committed");
  }

  @Test
  void aSubstitutedTransactionFailsReexecution() {
    SignedTransaction forged = chain.transfer(2, 1, 0, 1_000);
    SyncException e = assertThrows(SyncException.class, () -> client(b -> editChunk(b, c -> {
      List<Transaction> txns = new ArrayList<>(c.transactions());
      txns.set(1, new Transaction.UserTransaction(forged));
      return new SyncResponse.Chunk(c.firstVersion(), txns, c.infos(), c.proof(), c.ledgerVersion(), c.ledgerInfo());
    })).syncTo(leader.latestLedgerInfo(), List.of(PEER)));
    assertEquals(SyncException.Kind.VERIFICATION, e.kind());
    assertTrue(e.getMessage().contains("differs"), e.getMessage());
    assertEquals(0, follower.latestVersion());
  }

  @Test
  void aLedgerInfoWithoutQuorumIsRejected() {
    SyncException e = assertThrows(SyncException.class, () -> client(b -> editChunk(b, c -> {
      LedgerInfoWithSignatures li = c.ledgerInfo().orElseThrow();
      TreeMap<AccountAddress, Ed25519Signature> sigs = new TreeMap<>(li.signatures());
      sigs.remove(sigs.firstKey());
      return new SyncResponse.Chunk(c.firstVersion(), c.transactions(), c.infos(), c.proof(), c.ledgerVersion(),
          Optional.of(new LedgerInfoWithSignatures(li.ledgerInfo(), sigs)));
    })).syncToLatest(List.of(PEER)));
    assertEquals(SyncException.Kind.VERIFICATION, e.kind());
    assertEquals(0, follower.latestVersion());
  }

  @Test
  void malformedRequestsAndResponsesAreTypedFailures() throws Exception {
    SyncResponse r = SyncResponse.fromBcs(server.handle(new byte[] {1, 2}));
    assertTrue(r instanceof SyncResponse.Refused);
    SyncResponse ahead = SyncResponse.fromBcs(server.handle(new SyncRequest(1, 10, 1_000, 2).toBcs()));
    assertTrue(ahead instanceof SyncResponse.Refused, "a version the server does not have is refused");
    SyncException e = assertThrows(SyncException.class,
        () -> client(b -> new byte[] {7}).syncTo(leader.latestLedgerInfo(), List.of(PEER)));
    assertEquals(SyncException.Kind.MALFORMED, e.kind());
  }

  private static byte[] editChunk(byte[] bytes, UnaryOperator<SyncResponse.Chunk> edit) {
    try {
      return edit.apply((SyncResponse.Chunk) SyncResponse.fromBcs(bytes)).toBcs();
    } catch (io.astraea.crypto.bcs.BcsException e) {
      throw new IllegalStateException(e);
    }
  }
}
