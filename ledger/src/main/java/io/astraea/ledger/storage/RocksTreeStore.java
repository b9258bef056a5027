package io.astraea.ledger.storage;

import io.astraea.crypto.HashValue;
import io.astraea.ledger.jmt.JmtException;
import io.astraea.ledger.jmt.LeafNode;
import io.astraea.ledger.jmt.Node;
import io.astraea.ledger.jmt.NodeCodec;
import io.astraea.ledger.jmt.NodeKey;
import io.astraea.ledger.jmt.StaleNodeIndex;
import io.astraea.ledger.jmt.StaleNodeStore;
import io.astraea.ledger.jmt.TreeReader;
import io.astraea.ledger.jmt.TreeUpdateBatch;
import io.astraea.ledger.jmt.TreeWriter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The Jellyfish node store on the ledger database's {@code jmt_nodes} and {@code stale_node_index}
 * families. Decoded nodes are kept in bounded caches ({@link NodeCache}): nodes never change once
 * written, and a cached internal node keeps its computed range hashes, so the upper levels that
 * every update rewrites are neither re-read nor re-hashed.
 */
public final class RocksTreeStore implements TreeReader, TreeWriter, StaleNodeStore {
  /**
   * Bytes of internal nodes kept decoded (see {@link NodeCache#internalWeight}): an eighth of the
   * heap. Every update and every read walks from the root, so the upper levels are always wanted;
   * how much of the lower levels fits depends on the heap the operator gives the node. A tree's
   * internal nodes average about 400 bytes (most are near the leaves, with two or three children):
   * some 14 MB at 100,000 accounts and 140 MB at a million. An eighth of a 512 MiB heap (a testnet
   * node) holds every internal node of a tree of about 450,000 accounts, an eighth of 6 GiB those of
   * several million. A count limit would not do: a node near the root is five times the size of one
   * near the leaves.
   */
  static final long DEFAULT_CACHE_INTERNAL_BYTES = Runtime.getRuntime().maxMemory() / 8;

  /**
   * Bytes of leaves kept decoded (see {@link NodeCache#leafWeight}): a sixteenth of the heap. Only
   * reads put leaves here (a proof, or an account read that {@link LatestValues} could not answer,
   * which the update of that account then finds here); the leaves commits write go to {@link
   * LatestValues} instead. A count limit would not do: blobs grow with the currencies an account
   * holds.
   */
  static final long DEFAULT_CACHE_LEAF_BYTES = Runtime.getRuntime().maxMemory() / 16;

  /**
   * Bytes of {@link LatestValues}: an eighth of the heap. It holds the leaf of every account written
   * since the store opened, up to this bound: execution reads accounts there, and the next update
   * of each takes its leaf from there ({@link #leafHint}). An account blob takes a few hundred
   * bytes, so a 512 MiB heap holds the accounts of a network of about a hundred thousand, and a
   * 6 GiB one those of more than a million.
   */
  static final long DEFAULT_LATEST_VALUE_BYTES = Runtime.getRuntime().maxMemory() / 8;

  private static final byte[] EMPTY = new byte[0];

  private final LedgerDb db;
  private final NodeCache cache = new NodeCache(DEFAULT_CACHE_INTERNAL_BYTES, DEFAULT_CACHE_LEAF_BYTES);
  private final LatestValues latest = new LatestValues(DEFAULT_LATEST_VALUE_BYTES);

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

  /** The latest leaf recorded for {@code accountKey} (see {@link LatestValues}), of whatever version. */
  @Override
  public LeafNode leafHint(HashValue accountKey) {
    return latest.latest(accountKey);
  }

  /**
   * The leaf under {@code key} at committed {@code version} if it is known without reading the
   * tree (see {@link LatestValues}), else null.
   */
  LeafNode latestLeafAt(HashValue key, long version) {
    return latest.leafAt(key, version);
  }

  /** Writes a batch on its own (asynchronously); block commits use {@link #addTo} instead. */
  @Override
  public void writeBatch(TreeUpdateBatch batch) throws JmtException {
    try {
      db.write(false, b -> addTo(b, batch));
    } catch (StorageException e) {
      throw new JmtException(JmtException.Kind.STORE_FAILURE, e.getMessage(), e);
    }
    written(batch, true);
  }

  /**
   * Called once a batch's nodes are durably written: caches the ones still in the tree after its
   * last version, with their computed hashes, leaves only if {@code withLeaves}. A batch that keeps
   * every version's nodes supersedes most of its new nodes within itself; caching those would only
   * push live nodes out of the cache.
   */
  private void written(TreeUpdateBatch batch, boolean withLeaves) {
    Set<NodeKey> supersededInBatch = new HashSet<>();
    for (StaleNodeIndex s : batch.staleNodes()) {
      if (s.nodeKey().version() >= batch.firstVersion()) {
        supersededInBatch.add(s.nodeKey()); // only batches that keep every version's nodes have these
      }
    }
    cache.update(batch.newNodes(), supersededInBatch, withLeaves);
  }

  /**
   * Called once a commit's batch is durable, before the ledger's latest version moves to it:
   * records its leaves as the latest values ({@link LatestValues}), then caches its internal nodes
   * (the leaves are reached through {@link LatestValues}: caching them a second time would cost a
   * map operation each for nothing). Commits come in version order, each right after the last, so
   * every write since the store opened is recorded in order; a batch written on its own ({@link
   * #writeBatch}) is not, and its leaves are cached instead.
   */
  void committed(TreeUpdateBatch batch) {
    latest.record(batch);
    written(batch, false);
  }

  static void addTo(LedgerDb.Batch b, TreeUpdateBatch batch) {
    for (Map.Entry<NodeKey, Node> e : batch.newNodes().entrySet()) {
      b.put(ColumnFamily.JMT_NODES, e.getKey().encode(), NodeCodec.encode(e.getValue()));
    }
    if (!batch.staleNodes().isEmpty()) {
      b.put(ColumnFamily.STALE_NODE_INDEX, Keys.u64(batch.lastVersion()), StaleNodeGroup.encode(batch.staleNodes()));
    }
  }

  /**
   * The stale nodes of the oldest entries up to {@code maxVersion}. An entry is either one
   * commit's group (key: the commit's last version, see {@link StaleNodeGroup}), reported as stale
   * since that version, which prunes a node at most one commit later than its exact version; or,
   * in databases written before groups, one node (key: version || node key). Whole groups are
   * returned, so the result may exceed {@code limit} by one group.
   */
  @Override
  public List<StaleNodeIndex> staleNodesUpTo(long maxVersion, int limit) throws JmtException {
    List<StaleNodeIndex> out = new ArrayList<>();
    try {
      db.scan(ColumnFamily.STALE_NODE_INDEX, null, (k, v) -> {
        if (out.size() >= limit || Keys.readU64(k, 0) > maxVersion) {
          return false;
        }
        try {
          if (k.length == 8) {
            out.addAll(StaleNodeGroup.decode(Keys.readU64(k, 0), v));
          } else {
            out.add(StaleNodeIndex.decode(k));
          }
        } catch (JmtException e) {
          throw new StorageException(StorageException.Kind.CORRUPT, "bad stale node entry: " + e.getMessage(), e);
        }
        return true;
      });
    } catch (StorageException e) {
      throw new JmtException(JmtException.Kind.STORE_FAILURE, e.getMessage(), e);
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
        Set<Long> groups = new HashSet<>();
        for (StaleNodeIndex e : entries) {
          b.delete(ColumnFamily.JMT_NODES, e.nodeKey().encode());
          b.delete(ColumnFamily.STALE_NODE_INDEX, e.encode()); // a single-node entry, if that is how it was stored
          if (groups.add(e.staleSinceVersion())) {
            b.delete(ColumnFamily.STALE_NODE_INDEX, Keys.u64(e.staleSinceVersion()));
          }
        }
      });
    } catch (StorageException e) {
      throw new JmtException(JmtException.Kind.STORE_FAILURE, e.getMessage(), e);
    }
  }
}
