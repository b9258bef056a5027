package io.astraea.node.mempool;

import io.astraea.crypto.AccountAddress;
import io.astraea.crypto.HashValue;
import io.astraea.ledger.types.SignedTransaction;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeMap;

/**
 * Transactions accepted but not yet committed, ordered for proposal.
 *
 * <p>Per account, transactions are kept by sequence number. Only a gap-free run starting at the
 * account's next committed sequence number is proposable; later ones wait in the same map until
 * the gap fills (the "parking" area). Across accounts, a pull interleaves the accounts' runs by
 * gas price (highest first), then arrival order, never reordering one account's transactions.
 *
 * <p>Validation (signature, chain id, balance) happens before {@link #insert}, off this lock,
 * so the expensive work runs in parallel; this class only enforces ordering and limits. All
 * methods are thread-safe.
 */
public final class Mempool {
  private final MempoolConfig config;
  /** sender -> (sequence number -> entry); a TreeMap so iteration is deterministic. */
  private final Map<AccountAddress, NavigableMap<Long, MempoolEntry>> byAccount = new TreeMap<>();
  /** sender -> the account's committed sequence number as last reported. */
  private final Map<AccountAddress, Long> committedSeq = new HashMap<>();
  private final Map<HashValue, MempoolEntry> byHash = new HashMap<>();
  private long arrivals;

  public Mempool(MempoolConfig config) {
    this.config = config;
  }

  /**
   * Adds a validated transaction. {@code accountSeq} is the sender's committed sequence number;
   * {@code nowMillis} starts its system TTL. Re-submitting an identical transaction is accepted
   * and changes nothing.
   *
   * @throws MempoolRejection if the sequence number is stale, the pool or the account is full,
   *     or it replaces a waiting transaction without raising the gas price
   */
  public synchronized void insert(SignedTransaction txn, HashValue hash, int sizeBytes, long accountSeq, long nowMillis)
      throws MempoolRejection {
    if (byHash.containsKey(hash)) {
      return;
    }
    AccountAddress sender = txn.sender();
    long seq = txn.sequenceNumber();
    if (Long.compareUnsigned(seq, accountSeq) < 0) {
      throw new MempoolRejection(
          MempoolRejection.Reason.INVALID_SEQ_NUMBER,
          "sequence number " + Long.toUnsignedString(seq) + " is below the account's " + Long.toUnsignedString(accountSeq));
    }
    observeCommitted(sender, accountSeq);
    NavigableMap<Long, MempoolEntry> queue = byAccount.get(sender);
    MempoolEntry existing = queue == null ? null : queue.get(seq);
    if (existing != null) {
      if (txn.rawTxn().gasUnitPrice() <= existing.gasUnitPrice()) {
        throw new MempoolRejection(
            MempoolRejection.Reason.INVALID_UPDATE,
            "a transaction with this sequence number is waiting; only a gas price increase may replace it");
      }
    } else {
      if (queue != null && queue.size() >= config.capacityPerAccount()) {
        throw new MempoolRejection(
            MempoolRejection.Reason.TOO_MANY_TRANSACTIONS,
            "the account has " + queue.size() + " transactions waiting (limit " + config.capacityPerAccount() + ")");
      }
      if (byHash.size() >= config.capacity()) {
        throw new MempoolRejection(
            MempoolRejection.Reason.MEMPOOL_FULL, "mempool is full (" + config.capacity() + " transactions)");
      }
    }
    long expirationMillis = expirationMillis(txn);
    long ttlEnd = nowMillis + config.systemTtlMillis();
    MempoolEntry entry =
        new MempoolEntry(txn, hash, sizeBytes, arrivals++, Math.min(ttlEnd, expirationMillis));
    if (existing != null) {
      byHash.remove(existing.hash());
    }
    byAccount.computeIfAbsent(sender, a -> new TreeMap<>(Long::compareUnsigned)).put(seq, entry);
    byHash.put(hash, entry);
  }

  private static long expirationMillis(SignedTransaction txn) {
    long secs = txn.rawTxn().expirationTimestampSecs();
    return secs < 0 || secs > Long.MAX_VALUE / 1000 ? Long.MAX_VALUE : secs * 1000;
  }

  private void observeCommitted(AccountAddress sender, long seq) {
    committedSeq.merge(sender, seq, (a, b) -> Long.compareUnsigned(a, b) >= 0 ? a : b);
  }

  /**
   * Transactions for a block: at most {@code maxTxns} and {@code maxBytes}, each account's in
   * sequence order from its committed sequence number without gaps. Transactions in
   * {@code inFlight} (already in uncommitted blocks) are not returned but do count as filling
   * their sequence number, so the account's next ones can follow them.
   */
  public synchronized List<SignedTransaction> pull(int maxTxns, long maxBytes, Set<HashValue> inFlight) {
    Comparator<Cursor> byPriority =
        Comparator.comparingLong((Cursor c) -> c.head.gasUnitPrice())
            .reversed()
            .thenComparingLong(c -> c.head.arrival());
    PriorityQueue<Cursor> heads = new PriorityQueue<>(byPriority);
    for (Map.Entry<AccountAddress, NavigableMap<Long, MempoolEntry>> e : byAccount.entrySet()) {
      Cursor c = new Cursor(e.getValue(), committedSeq.getOrDefault(e.getKey(), 0L), inFlight);
      if (c.advance()) {
        heads.add(c);
      }
    }
    List<SignedTransaction> out = new ArrayList<>();
    long bytes = 0;
    while (!heads.isEmpty() && out.size() < maxTxns) {
      Cursor c = heads.poll();
      if (bytes + c.head.sizeBytes() > maxBytes) {
        continue;
      }
      out.add(c.head.transaction());
      bytes += c.head.sizeBytes();
      c.expected = c.head.sequenceNumber() + 1;
      if (c.advance()) {
        heads.add(c);
      }
    }
    return out;
  }

  /** Walks one account's gap-free run, skipping (but stepping over) in-flight transactions. */
  private static final class Cursor {
    private final NavigableMap<Long, MempoolEntry> queue;
    private final Set<HashValue> inFlight;
    private long expected;
    private MempoolEntry head;

    Cursor(NavigableMap<Long, MempoolEntry> queue, long expected, Set<HashValue> inFlight) {
      this.queue = queue;
      this.expected = expected;
      this.inFlight = inFlight;
    }

    boolean advance() {
      while (true) {
        MempoolEntry e = queue.get(expected);
        if (e == null) {
          return false;
        }
        if (!inFlight.contains(e.hash())) {
          head = e;
          return true;
        }
        expected++;
      }
    }
  }

  /**
   * Records that {@code sender}'s committed sequence number is now {@code nextSeq}: everything
   * below it left the pool (committed, or made impossible by a committed sibling).
   */
  public synchronized void commit(AccountAddress sender, long nextSeq) {
    observeCommitted(sender, nextSeq);
    NavigableMap<Long, MempoolEntry> queue = byAccount.get(sender);
    if (queue == null) {
      return;
    }
    Iterator<MempoolEntry> it = queue.headMap(nextSeq, false).values().iterator();
    while (it.hasNext()) {
      byHash.remove(it.next().hash());
      it.remove();
    }
    if (queue.isEmpty()) {
      byAccount.remove(sender);
      committedSeq.remove(sender);
    }
  }

  /** Drops transactions whose own expiration or system TTL has passed; returns how many. */
  public synchronized int removeExpired(long nowMillis) {
    int removed = 0;
    Iterator<Map.Entry<AccountAddress, NavigableMap<Long, MempoolEntry>>> accounts =
        byAccount.entrySet().iterator();
    while (accounts.hasNext()) {
      Map.Entry<AccountAddress, NavigableMap<Long, MempoolEntry>> a = accounts.next();
      Iterator<MempoolEntry> it = a.getValue().values().iterator();
      while (it.hasNext()) {
        MempoolEntry e = it.next();
        if (e.expiresAtMillis() <= nowMillis) {
          byHash.remove(e.hash());
          it.remove();
          removed++;
        }
      }
      if (a.getValue().isEmpty()) {
        accounts.remove();
        committedSeq.remove(a.getKey());
      }
    }
    return removed;
  }

  /**
   * Drops one transaction (a committed block carried it but execution discarded it, so it can
   * never commit as it is); returns whether it was here.
   */
  public synchronized boolean remove(HashValue hash) {
    MempoolEntry e = byHash.remove(hash);
    if (e == null) {
      return false;
    }
    AccountAddress sender = e.transaction().sender();
    NavigableMap<Long, MempoolEntry> queue = byAccount.get(sender);
    if (queue != null) {
      queue.remove(e.sequenceNumber(), e);
      if (queue.isEmpty()) {
        byAccount.remove(sender);
        committedSeq.remove(sender);
      }
    }
    return true;
  }

  public synchronized boolean contains(HashValue hash) {
    return byHash.containsKey(hash);
  }

  public synchronized int size() {
    return byHash.size();
  }
}
