package io.astraea.node.mempool;

/**
 * Mempool limits. Defaults follow Diem's validator mempool: 100,000 transactions in all, 100 per
 * account, and a system TTL of 600 s after which a transaction that never made it into a block
 * is dropped even if its own expiration is later.
 */
public record MempoolConfig(int capacity, int capacityPerAccount, long systemTtlMillis) {
  public static final MempoolConfig DEFAULT = new MempoolConfig(100_000, 100, 600_000);

  public MempoolConfig {
    if (capacity <= 0 || capacityPerAccount <= 0 || systemTtlMillis <= 0) {
      throw new IllegalArgumentException("mempool limits must be positive");
    }
  }
}
