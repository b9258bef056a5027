package io.astraea.node.mempool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.astraea.crypto.AccountAddress;
import io.astraea.crypto.Ed25519PrivateKey;
import io.astraea.crypto.HashValue;
import io.astraea.ledger.types.Bytes;
import io.astraea.ledger.types.ChainId;
import io.astraea.ledger.types.RawTransaction;
import io.astraea.ledger.types.Script;
import io.astraea.ledger.types.SignedTransaction;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MempoolTest {
  private static final Ed25519PrivateKey KEY = Ed25519PrivateKey.generate();
  private static final AccountAddress ALICE = AccountAddress.of("a1");
  private static final AccountAddress BOB = AccountAddress.of("b0b");
  private static final long NOW = 1_000_000L;

  private final Mempool pool = new Mempool(new MempoolConfig(10, 4, 60_000));

  private static SignedTransaction txn(AccountAddress sender, long seq, long gasPrice) {
    return RawTransaction.builder()
        .sender(sender)
        .sequenceNumber(seq)
        .script(new Script(Bytes.of(new byte[] {1, 2, 3}), List.of(), List.of()))
        .maxGasAmount(1_000)
        .gasUnitPrice(gasPrice)
        .gasCurrencyCode("XUS")
        .expirationTimestampSecs(NOW / 1000 + 3600)
        .chainId(ChainId.TESTING)
        .build()
        .sign(KEY);
  }

  private void insert(SignedTransaction t, long accountSeq) throws MempoolRejection {
    pool.insert(t, t.hash(), t.toBcs().length, accountSeq, NOW);
  }

  private static List<Long> seqs(List<SignedTransaction> txns, AccountAddress sender) {
    return txns.stream().filter(t -> t.sender().equals(sender)).map(SignedTransaction::sequenceNumber).toList();
  }

  @Test
  void pullsEachAccountInSequenceOrderAndStopsAtAGap() throws Exception {
    insert(txn(ALICE, 7, 1), 5);
    insert(txn(ALICE, 5, 1), 5);
    insert(txn(ALICE, 6, 1), 5);
    insert(txn(ALICE, 9, 1), 5); // parked behind the gap at 8
    assertEquals(List.of(5L, 6L, 7L), seqs(pool.pull(100, Long.MAX_VALUE, Set.of()), ALICE));

    pool.commit(ALICE, 6); // 5 committed; makes room under the per-account limit of 4
    insert(txn(ALICE, 8, 1), 6);
    assertEquals(List.of(6L, 7L, 8L, 9L), seqs(pool.pull(100, Long.MAX_VALUE, Set.of()), ALICE));
  }

  @Test
  void higherGasPriceGoesFirstAcrossAccounts() throws Exception {
    insert(txn(ALICE, 0, 1), 0);
    insert(txn(BOB, 0, 5), 0);
    insert(txn(BOB, 1, 1), 0);
    List<SignedTransaction> got = pool.pull(100, Long.MAX_VALUE, Set.of());
    assertEquals(BOB, got.get(0).sender());
    assertEquals(3, got.size());
    assertEquals(List.of(0L, 1L), seqs(got, BOB));
  }

  @Test
  void inFlightTransactionsAreSkippedButFillTheirSlot() throws Exception {
    SignedTransaction first = txn(ALICE, 0, 1);
    insert(first, 0);
    insert(txn(ALICE, 1, 1), 0);
    List<SignedTransaction> got = pool.pull(100, Long.MAX_VALUE, Set.of(first.hash()));
    assertEquals(List.of(1L), seqs(got, ALICE));
  }

  @Test
  void limitsOnCountAndBytes() throws Exception {
    for (int i = 0; i < 3; i++) {
      insert(txn(ALICE, i, 1), 0);
    }
    assertEquals(2, pool.pull(2, Long.MAX_VALUE, Set.of()).size());
    int one = txn(ALICE, 0, 1).toBcs().length;
    assertEquals(1, pool.pull(100, one, Set.of()).size());
  }

  @Test
  void commitRemovesEverythingBelowTheNewSequenceNumber() throws Exception {
    for (int i = 0; i < 3; i++) {
      insert(txn(ALICE, i, 1), 0);
    }
    pool.commit(ALICE, 2);
    assertEquals(1, pool.size());
    assertEquals(List.of(2L), seqs(pool.pull(100, Long.MAX_VALUE, Set.of()), ALICE));
  }

  @Test
  void rejectsStaleSequenceNumbersAndNonIncreasingReplacements() throws Exception {
    MempoolRejection old = assertThrows(MempoolRejection.class, () -> insert(txn(ALICE, 3, 1), 4));
    assertEquals(MempoolRejection.Reason.INVALID_SEQ_NUMBER, old.reason());
    assertEquals(-32007, old.reason().jsonRpcCode());

    insert(txn(ALICE, 4, 2), 4);
    insert(txn(ALICE, 4, 2), 4); // identical resubmission: accepted, no change
    assertEquals(1, pool.size());
    MempoolRejection same = assertThrows(MempoolRejection.class, () -> insert(txn(ALICE, 4, 1), 4));
    assertEquals(MempoolRejection.Reason.INVALID_UPDATE, same.reason());

    SignedTransaction better = txn(ALICE, 4, 3);
    insert(better, 4);
    assertEquals(1, pool.size());
    assertTrue(pool.contains(better.hash()));
  }

  @Test
  void enforcesPerAccountAndGlobalCapacity() throws Exception {
    for (int i = 0; i < 4; i++) {
      insert(txn(ALICE, i, 1), 0);
    }
    assertEquals(
        MempoolRejection.Reason.TOO_MANY_TRANSACTIONS,
        assertThrows(MempoolRejection.class, () -> insert(txn(ALICE, 4, 1), 0)).reason());
    for (int a = 0; a < 6; a++) {
      insert(txn(AccountAddress.of("c" + a), 0, 1), 0);
    }
    assertEquals(10, pool.size());
    assertEquals(
        MempoolRejection.Reason.MEMPOOL_FULL,
        assertThrows(MempoolRejection.class, () -> insert(txn(BOB, 0, 1), 0)).reason());
  }

  @Test
  void expiresBySystemTtlAndByTheTransactionsOwnExpiration() throws Exception {
    insert(txn(ALICE, 0, 1), 0);
    assertEquals(0, pool.removeExpired(NOW + 59_999));
    assertEquals(1, pool.removeExpired(NOW + 60_000));
    assertEquals(0, pool.size());

    SignedTransaction t = txn(BOB, 0, 1);
    pool.insert(t, t.hash(), 100, 0, NOW + 3_600_000); // TTL would run past its expiration
    assertEquals(1, pool.removeExpired((NOW / 1000 + 3600) * 1000));
  }

  @Test
  void unknownHashIsNotContained() {
    assertTrue(!pool.contains(HashValue.ZERO));
  }

  @Test
  void removingOneTransactionLeavesAGapBehindIt() throws Exception {
    SignedTransaction five = txn(ALICE, 5, 1);
    insert(five, 5);
    insert(txn(ALICE, 6, 1), 5);
    assertTrue(pool.remove(five.hash()));
    assertTrue(!pool.contains(five.hash()));
    assertEquals(1, pool.size());
    assertEquals(List.of(), pool.pull(100, Long.MAX_VALUE, Set.of()), "6 waits for a new 5");
    assertTrue(!pool.remove(five.hash()), "already gone");
  }
}
