package io.astraea.node.ledger;

import io.astraea.crypto.HashValue;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The transactions whose signature this node has already checked, by {@code DIEM::Transaction}
 * hash (which covers the raw transaction and the authenticator, so a hit means exactly these
 * bytes were verified). The mempool records every signature it verifies; speculative execution
 * skips the check for hits and verifies everything else itself, so each signature is verified
 * once per node and an unverified one is never executed. Bounded: the oldest entries are
 * forgotten first, which can only cost a repeated verification. Thread-safe.
 */
public final class VerifiedSignatures {
  public static final int DEFAULT_CAPACITY = 200_000;

  private final Map<HashValue, Boolean> hashes;

  public VerifiedSignatures(int capacity) {
    if (capacity <= 0) {
      throw new IllegalArgumentException("capacity must be positive");
    }
    this.hashes =
        new LinkedHashMap<>(1024, 0.75f, false) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<HashValue, Boolean> eldest) {
            return size() > capacity;
          }
        };
  }

  public synchronized void markVerified(HashValue txnHash) {
    hashes.put(txnHash, Boolean.TRUE);
  }

  public synchronized boolean isVerified(HashValue txnHash) {
    return hashes.containsKey(txnHash);
  }

  /** Forgets a transaction (it was committed: it will not be executed again). */
  public synchronized void forget(HashValue txnHash) {
    hashes.remove(txnHash);
  }

  public synchronized int size() {
    return hashes.size();
  }
}
