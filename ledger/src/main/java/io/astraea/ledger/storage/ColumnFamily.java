package io.astraea.ledger.storage;

import io.astraea.crypto.AccountAddress;
import io.astraea.crypto.HashValue;
import io.astraea.ledger.types.EventKey;
import java.nio.charset.StandardCharsets;

/**
 * The column families of the ledger database and their key layouts (all integers big-endian, so
 * byte order is numeric order).
 *
 * <p>Three index families have keys that start with a hash or an address, so a block's entries
 * land at random places among everything already there. They are read only by point lookups or
 * by a scan within one key prefix, so their memtables hash that prefix instead of keeping one
 * sorted list (see {@link LedgerDb}): a block of a thousand transfers puts about 4,000 such
 * entries, and placing them in large sorted lists was most of the time RocksDB spent in its
 * memtables on a commit's batch. Such a family is scanned only from a key that has the whole
 * prefix, and only within that prefix.
 */
public enum ColumnFamily {
  /** RocksDB's mandatory family; holds the commit progress record. */
  DEFAULT("default"),
  /** version -> BCS {@code Transaction}. */
  TRANSACTIONS("transactions"),
  /** version -> BCS {@code TransactionInfo}. */
  TRANSACTION_INFOS("transaction_infos"),
  /** in-order position -> 32-byte hash of a frozen accumulator node. */
  ACCUMULATOR_NODES("accumulator_nodes"),
  /** version || event index (u32) -> BCS {@code ContractEvent}. */
  EVENTS("events"),
  /** event key (24 bytes) || sequence number -> version || event index (u32). */
  EVENT_INDEX("event_index", EventKey.LENGTH),
  /** sender address (16 bytes) || sequence number -> version. */
  ACCOUNT_TRANSACTIONS("account_transactions", AccountAddress.LENGTH),
  /** transaction hash -> version. */
  TRANSACTION_BY_HASH("transaction_by_hash", HashValue.LENGTH),
  /** epoch -> BCS {@code LedgerInfoWithSignatures}, the latest of that epoch. */
  LEDGER_INFOS("ledger_infos"),
  /** Jellyfish node key -> encoded node. */
  JMT_NODES("jmt_nodes"),
  /** stale since version || node key -> empty. */
  STALE_NODE_INDEX("stale_node_index"),
  /** last version of a commit -> {@link WriteSetRecord}: its versions' state changes and the checkpoint they follow. */
  WRITE_SETS("write_sets"),
  /** consensus block id -> opaque block bytes. */
  CONSENSUS_BLOCKS("consensus_blocks"),
  /** certified block id -> opaque quorum certificate bytes. */
  QUORUM_CERTIFICATES("quorum_certificates"),
  /** fixed key -> opaque consensus record (the safety data, the recovery record), always written with sync. */
  SAFETY_DATA("safety_data");

  private final String dbName;
  private final int hashedPrefixLength;

  ColumnFamily(String dbName) {
    this(dbName, 0);
  }

  ColumnFamily(String dbName, int hashedPrefixLength) {
    this.dbName = dbName;
    this.hashedPrefixLength = hashedPrefixLength;
  }

  /**
   * The length of the key prefix this family's memtables hash, or 0 for an ordinary ordered family.
   * A hashed family can be scanned only within one such prefix.
   */
  public int hashedPrefixLength() {
    return hashedPrefixLength;
  }

  public byte[] nameBytes() {
    return dbName.getBytes(StandardCharsets.UTF_8);
  }

  public String dbName() {
    return dbName;
  }
}
