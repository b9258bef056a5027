package io.astraea.node.mempool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.astraea.consensus.RecoveryData;
import io.astraea.consensus.blocks.ExecutedBlock;
import io.astraea.consensus.types.Block;
import io.astraea.consensus.types.Payload;
import io.astraea.crypto.AccountAddress;
import io.astraea.crypto.HashValue;
import io.astraea.ledger.execution.ExecutorConfig;
import io.astraea.ledger.state.StateKeys;
import io.astraea.ledger.types.ChainId;
import io.astraea.ledger.types.SignedTransaction;
import io.astraea.ledger.types.StatusCode;
import io.astraea.ledger.types.TransactionAuthenticator;
import io.astraea.node.ledger.LedgerService;
import io.astraea.node.ledger.PayloadCodec;
import io.astraea.node.ledger.SpeculativeExecutor;
import io.astraea.node.ledger.TestChain;
import io.astraea.node.ledger.VerifiedSignatures;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MempoolServiceTest {
  @TempDir Path dir;
  private final TestChain chain = new TestChain();
  private final VerifiedSignatures verified = new VerifiedSignatures(1_000);
  private final AtomicLong clock = new AtomicLong(TestChain.START_USECS / 1000);
  private final List<SignedTransaction> admitted = new CopyOnWriteArrayList<>();
  private LedgerService ledger;
  private MempoolService service;

  @BeforeEach
  void open() throws Exception {
    ledger = LedgerService.open(dir, chain.description());
    service = new MempoolService(new Mempool(new MempoolConfig(100, 10, 60_000)), ledger, verified,
        ExecutorConfig.standard(), 2, clock::get, MempoolService.DEFAULT_MAX_TRANSACTION_BYTES);
    service.addListener((t, fromPeer) -> admitted.add(t));
  }

  @AfterEach
  void close() {
    service.close();
    ledger.close();
  }

  private StatusCode refusal(SignedTransaction t) {
    MempoolRejection r = assertThrows(MempoolRejection.class, () -> service.submit(t));
    assertEquals(MempoolRejection.Reason.VM_VALIDATION, r.reason());
    return r.status().orElseThrow();
  }

  @Test
  void aValidTransferIsAdmittedVerifiedOnceAndAnnounced() throws Exception {
    SignedTransaction t = chain.transfer(0, 1, 0, 10);
    service.submit(t);
    assertEquals(1, service.size());
    assertTrue(verified.isVerified(t.hash()), "the executor will not verify it again");
    assertEquals(List.of(t), admitted);
    service.submit(t);
    assertEquals(1, service.size());
    assertEquals(1, admitted.size(), "a duplicate is neither re-verified nor announced again");
    // a later sequence number waits for its predecessor (Diem's SEQUENCE_NUMBER_TOO_NEW is admitted)
    service.submit(chain.transfer(0, 1, 5, 10));
    assertEquals(2, service.size());
  }

  @Test
  void invalidTransactionsAreRefusedWithDiemStatuses() {
    SignedTransaction good = chain.transfer(0, 1, 0, 10);
    TransactionAuthenticator.Ed25519 auth = (TransactionAuthenticator.Ed25519) good.authenticator();
    SignedTransaction badSig = new SignedTransaction(chain.transfer(0, 1, 0, 11).rawTxn(), auth);
    assertEquals(StatusCode.INVALID_SIGNATURE, refusal(badSig));
    assertFalse(verified.isVerified(badSig.hash()));

    SignedTransaction badChain = chain.raw(chain.user(0), 0, TestChain.p2p(chain.user(1), 1))
        .chainId(new ChainId(TestChain.CHAIN + 1)).build().sign(chain.users.get(0));
    assertEquals(StatusCode.BAD_CHAIN_ID, refusal(badChain));

    SignedTransaction expired = chain.raw(chain.user(0), 0, TestChain.p2p(chain.user(1), 1))
        .expirationTimestampSecs(TestChain.START_USECS / 1_000_000).build().sign(chain.users.get(0));
    assertEquals(StatusCode.TRANSACTION_EXPIRED, refusal(expired));
    SignedTransaction expiredFuture = chain.raw(chain.user(0), 3, TestChain.p2p(chain.user(1), 1))
        .expirationTimestampSecs(TestChain.START_USECS / 1_000_000).build().sign(chain.users.get(0));
    assertEquals(StatusCode.TRANSACTION_EXPIRED, refusal(expiredFuture), "waiting transactions must not be expired");

    AccountAddress poor = TestChain.address(chain.poor);
    SignedTransaction broke = chain.raw(poor, 0, TestChain.p2p(chain.user(1), 1))
        .maxGasAmount(1_000).gasUnitPrice(1).build().sign(chain.poor);
    assertEquals(StatusCode.INSUFFICIENT_BALANCE_FOR_TRANSACTION_FEE, refusal(broke));

    SignedTransaction stranger = chain.raw(TestChain.address(TestChain.key(77)), 0, TestChain.p2p(chain.user(1), 1))
        .build().sign(TestChain.key(77));
    assertEquals(StatusCode.SENDING_ACCOUNT_DOES_NOT_EXIST, refusal(stranger));
    assertEquals(0, service.size());
    assertTrue(admitted.isEmpty());
  }

  @Test
  void staleSequenceNumbersAreRefusedAndCommitsEmptyThePool() throws Exception {
    SpeculativeExecutor executor = new SpeculativeExecutor(ledger, verified, ExecutorConfig.standard());
    executor.addCommitListener(service);
    SignedTransaction first = chain.transfer(0, 1, 0, 10);
    SignedTransaction second = chain.transfer(0, 1, 1, 10);
    service.submit(first);
    service.submit(second);
    MempoolPayloadSource source = new MempoolPayloadSource(service.mempool(), 10, 1 << 20, () -> {});
    Payload p = source.pull(1, List.of());
    assertEquals(List.of(first, second), PayloadCodec.decode(p));
    assertEquals(List.of(second), PayloadCodec.decode(source.pull(2, List.of(PayloadCodec.encode(List.of(first))))),
        "what an uncommitted ancestor carries is not proposed again");

    RecoveryData start = ledger.recoveryData();
    Block b = chain.proposal(start.root().info(), 1, List.of(first));
    ExecutedBlock eb = new ExecutedBlock(b, TestChain.info(b, executor.execute(b, start.root().info())));
    executor.commit(chain.commit(start.epochState(), List.of(eb)));
    assertEquals(1, service.size(), "the committed transaction left the pool");
    assertFalse(service.mempool().contains(first.hash()));

    assertEquals(StatusCode.SEQUENCE_NUMBER_TOO_OLD, refusal(chain.transfer(0, 2, 0, 99)));
  }

  @Test
  void oversizeTransactionsAndPeerBroadcastsAndExpiry() throws Exception {
    try (MempoolService small = new MempoolService(new Mempool(new MempoolConfig(100, 10, 1_000)), ledger,
        verified, ExecutorConfig.standard(), 1, clock::get, 100)) {
      MempoolRejection r = assertThrows(MempoolRejection.class, () -> small.submit(chain.transfer(0, 1, 0, 1)));
      assertEquals(StatusCode.EXCEEDED_MAX_TRANSACTION_SIZE, r.status().orElseThrow());
    }
    List<Boolean> fromPeer = new CopyOnWriteArrayList<>();
    service.addListener((t, peer) -> fromPeer.add(peer));
    SignedTransaction a = chain.transfer(1, 0, 0, 1);
    SignedTransaction b = chain.transfer(2, 0, 0, 1);
    assertEquals(2, service.submitFromPeer(MempoolService.encodeBroadcast(List.of(a, b))));
    HashValue last = service.submitAsync(chain.transfer(2, 0, 1, 1), true).get();
    assertTrue(service.mempool().contains(last));
    long deadline = System.currentTimeMillis() + 5_000;
    while (service.size() < 3 && System.currentTimeMillis() < deadline) {
      Thread.sleep(5);
    }
    assertEquals(3, service.size());
    assertEquals(Set.of(true), Set.copyOf(fromPeer));
    assertThrows(io.astraea.crypto.bcs.BcsException.class, () -> service.submitFromPeer(new byte[] {9}));

    clock.addAndGet(60_001);
    assertEquals(3, service.removeExpired());
    assertEquals(0, service.size());
  }

  @Test
  void aTransactionFromTheAssociationRootWithBadKeyIsRefused() {
    SignedTransaction t = chain.raw(StateKeys.ASSOCIATION_ROOT, 0, TestChain.p2p(chain.user(1), 1))
        .build().sign(chain.users.get(0));
    assertEquals(StatusCode.INVALID_AUTH_KEY, refusal(t));
  }
}
