/**
 * The node's durable ledger: one RocksDB with a column family per kind of data (see {@link
 * io.astraea.ledger.storage.ColumnFamily}). A block's whole effect - transactions, infos, events,
 * indexes, accumulator nodes, Jellyfish nodes with their stale-node index, and the ledger info
 * that certifies it - commits in one synchronous {@code WriteBatch}, so after any crash the store
 * is exactly at its last commit. {@link io.astraea.ledger.storage.LedgerStore} is the entry point.
 */
package io.astraea.ledger.storage;
