package io.astraea.ledger.storage;

import java.nio.charset.StandardCharsets;

/**
 * The column families of the ledger database and their key layouts (all integers big-endian, so
 * byte order is numeric order).
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
  EVENT_INDEX("event_index"),
  /** sender address (16 bytes) || sequence number -> version. */
  ACCOUNT_TRANSACTIONS("account_transactions"),
  /** transaction hash -> version. */
  TRANSACTION_BY_HASH("transaction_by_hash"),
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

  ColumnFamily(String dbName) {
    this.dbName = dbName;
  }

  public byte[] nameBytes() {
    return dbName.getBytes(StandardCharsets.UTF_8);
  }

  public String dbName() {
    return dbName;
  }
}
