package io.astraea.ledger.storage;

import io.astraea.ledger.jmt.JmtException;
import io.astraea.ledger.jmt.Node;
import io.astraea.ledger.jmt.NodeCodec;
import io.astraea.ledger.jmt.NodeKey;
import io.astraea.ledger.jmt.StaleNodeIndex;
import io.astraea.ledger.jmt.StaleNodeStore;
import io.astraea.ledger.jmt.TreeReader;
import io.astraea.ledger.jmt.TreeUpdateBatch;
import io.astraea.ledger.jmt.TreeWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.rocksdb.RocksDBException;

/**
 * The Jellyfish node store on the ledger database's {@code jmt_nodes} and {@code stale_node_index}
 * families. Decoded internal nodes are kept in a bounded LRU cache: nodes never change once
 * written, and a cached node keeps its computed range hashes, so the upper levels that every
 * update rewrites are neither re-read nor re-hashed.
 */
public final class RocksTreeStore implements TreeReader, TreeWriter, StaleNodeStore {
  /** Internal nodes kept decoded: enough for the top four levels of a tree of a million accounts. */
  static final int DEFAULT_CACHE_NODES = 20_000;

  private static final byte[] EMPTY = new byte[0];

  private final LedgerDb db;
  private final NodeCache cache = new NodeCache(DEFAULT_CACHE_NODES);

  RocksTreeStore(LedgerDb db) {
    this.db = db;
  }

  @Override
  public Optional<Node> getNode(NodeKey key) throws JmtException {
    Node cached = cache.get(key);
    if (cached != null) {
      return Optional.of(cached);
    }
    byte[] bytes;
    try {
      bytes = db.get(ColumnFamily.JMT_NODES, key.encode());
    } catch (StorageException e) {
      throw new JmtException(JmtException.Kind.STORE_FAILURE, e.getMessage(), e);
    }
    if (bytes == null) {
      return Optional.empty();
    }
    Node node = NodeCodec.decode(bytes);
    cache.offer(key, node);
    return Optional.of(node);
  }

  /** Writes a batch on its own (asynchronously); block commits use {@link #addTo} instead. */
  @Override
  public void writeBatch(TreeUpdateBatch batch) throws JmtException {
    try {
      db.write(false, b -> addTo(b, batch));
    } catch (StorageException e) {
      throw new JmtException(JmtException.Kind.STORE_FAILURE, e.getMessage(), e);
    }
    written(batch);
  }

  /** Called once a batch's nodes are durably written: caches them with their hashes. */
  void written(TreeUpdateBatch batch) {
    for (Map.Entry<NodeKey, Node> e : batch.newNodes().entrySet()) {
      cache.offer(e.getKey(), e.getValue());
    }
  }

  static void addTo(LedgerDb.Batch b, TreeUpdateBatch batch) throws RocksDBException {
    for (Map.Entry<NodeKey, Node> e : batch.newNodes().entrySet()) {
      b.put(ColumnFamily.JMT_NODES, e.getKey().encode(), NodeCodec.encode(e.getValue()));
    }
    for (StaleNodeIndex s : batch.staleNodes()) {
      b.put(ColumnFamily.STALE_NODE_INDEX, s.encode(), EMPTY);
    }
  }

  @Override
  public List<StaleNodeIndex> staleNodesUpTo(long maxVersion, int limit) throws JmtException {
    List<StaleNodeIndex> out = new ArrayList<>();
    List<byte[]> raw = new ArrayList<>();
    try {
      db.scan(ColumnFamily.STALE_NODE_INDEX, null, (k, v) -> {
        if (raw.size() >= limit || Keys.readU64(k, 0) > maxVersion) {
          return false;
        }
        raw.add(k);
        return true;
      });
    } catch (StorageException e) {
      throw new JmtException(JmtException.Kind.STORE_FAILURE, e.getMessage(), e);
    }
    for (byte[] k : raw) {
      out.add(StaleNodeIndex.decode(k));
    }
    return out;
  }

  @Override
  public void deleteStale(List<StaleNodeIndex> entries) throws JmtException {
    for (StaleNodeIndex e : entries) {
      cache.remove(e.nodeKey());
    }
    try {
      db.write(false, b -> {
        for (StaleNodeIndex e : entries) {
          b.delete(ColumnFamily.JMT_NODES, e.nodeKey().encode());
          b.delete(ColumnFamily.STALE_NODE_INDEX, e.encode());
        }
      });
    } catch (StorageException e) {
      throw new JmtException(JmtException.Kind.STORE_FAILURE, e.getMessage(), e);
    }
  }
}
