package io.astraea.ledger.storage;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.BloomFilter;
import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.ColumnFamilyOptions;
import org.rocksdb.DBOptions;
import org.rocksdb.HashSkipListMemTableConfig;
import org.rocksdb.LRUCache;
import org.rocksdb.RocksDB;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.WriteBatch;
import org.rocksdb.WriteOptions;

/**
 * The RocksDB handle with one handle per {@link ColumnFamily}. Every access holds a shared lock and
 * {@link #close} an exclusive one, so a read racing a shutdown fails with {@link
 * StorageException.Kind#CLOSED} instead of touching freed native memory.
 */
final class LedgerDb implements AutoCloseable {
  static {
    RocksDB.loadLibrary();
  }

  private final RocksDB db;
  private final DBOptions dbOptions;
  /** The options of the ordered families and of the hashed ones ({@link ColumnFamily#hashedPrefixLength}). */
  private final List<ColumnFamilyOptions> cfOptions;
  /** Read options of a scan in a hashed family: stop where the prefix of the scan's start ends. */
  private final ReadOptions withinPrefix = new ReadOptions().setPrefixSameAsStart(true);
  private final LRUCache blockCache;
  private final BloomFilter bloomFilter;
  private final EnumMap<ColumnFamily, ColumnFamilyHandle> handles = new EnumMap<>(ColumnFamily.class);
  /** RocksDB's id of each family, by ordinal, for {@link KeyOrderedBatch}. */
  private final int[] familyIds = new int[ColumnFamily.values().length];
  private final WriteOptions syncWrite = new WriteOptions().setSync(true);
  private final WriteOptions asyncWrite = new WriteOptions();
  private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
  private boolean closed;

  /**
   * Block cache shared by all column families. RocksDB's default is a small cache per table
   * factory; execution reads tree nodes and leaves at random across the whole state, so a larger
   * shared cache keeps more of the tree's lower levels in memory between blocks.
   */
  static final long BLOCK_CACHE_BYTES = 64L << 20;

  /**
   * Bloom filter bits per key. Nearly every read is a point lookup ({@code get}) of a key that
   * exists in exactly one sorted file: the filter lets a lookup skip every other file's blocks.
   * Ten bits give about a 1% false-positive rate.
   */
  static final double BLOOM_BITS_PER_KEY = 10;

  private LedgerDb(RocksDB db, DBOptions dbOptions, List<ColumnFamilyOptions> cfOptions, LRUCache blockCache,
      BloomFilter bloomFilter, List<ColumnFamilyHandle> list) {
    this.db = db;
    this.dbOptions = dbOptions;
    this.cfOptions = cfOptions;
    this.blockCache = blockCache;
    this.bloomFilter = bloomFilter;
    ColumnFamily[] all = ColumnFamily.values();
    for (int i = 0; i < all.length; i++) {
      handles.put(all[i], list.get(i));
      familyIds[i] = list.get(i).getID();
    }
  }

  /**
   * Buckets of a hashed family's memtable (see {@link ColumnFamily}): a full 64 MiB memtable of
   * index entries holds some 700,000 keys, a few per bucket. Each memtable's table takes 2 MiB.
   */
  static final long HASHED_MEMTABLE_BUCKETS = 1L << 18;

  /**
   * The write-ahead log's size at which RocksDB flushes the families that keep its oldest file.
   * Without a bound, a family written a little with every commit (the recovery record, the ledger
   * infos) keeps every log file since its last flush, up to some gigabytes, all replayed when the
   * node restarts. 256 MiB is about 85 blocks of 1,000 transfers.
   */
  static final long MAX_TOTAL_WAL_BYTES = 256L << 20;

  static LedgerDb open(Path dir) throws StorageException {
    DBOptions dbOptions = new DBOptions().setCreateIfMissing(true).setCreateMissingColumnFamilies(true)
        .setMaxTotalWalSize(MAX_TOTAL_WAL_BYTES)
        // Hashed memtables take one writer at a time; RocksDB still groups concurrent writes.
        .setAllowConcurrentMemtableWrite(false);
    LRUCache blockCache = new LRUCache(BLOCK_CACHE_BYTES);
    BloomFilter bloomFilter = new BloomFilter(BLOOM_BITS_PER_KEY);
    // Durability is unchanged by these options: the write-ahead log and synced commit batches.
    List<ColumnFamilyOptions> cfOptions = new ArrayList<>();
    ColumnFamilyOptions ordered = tableOptions(blockCache, bloomFilter);
    cfOptions.add(ordered);
    List<ColumnFamilyDescriptor> descriptors = new ArrayList<>();
    for (ColumnFamily cf : ColumnFamily.values()) {
      ColumnFamilyOptions options = ordered;
      if (cf.hashedPrefixLength() > 0) {
        options = tableOptions(blockCache, bloomFilter)
            .useFixedLengthPrefixExtractor(cf.hashedPrefixLength())
            .setMemTableConfig(new HashSkipListMemTableConfig().setBucketCount(HASHED_MEMTABLE_BUCKETS));
        cfOptions.add(options);
      }
      descriptors.add(new ColumnFamilyDescriptor(cf.nameBytes(), options));
    }
    List<ColumnFamilyHandle> list = new ArrayList<>();
    try {
      Files.createDirectories(dir);
      RocksDB db = RocksDB.open(dbOptions, dir.toString(), descriptors, list);
      return new LedgerDb(db, dbOptions, cfOptions, blockCache, bloomFilter, list);
    } catch (RocksDBException | java.io.IOException e) {
      dbOptions.close();
      cfOptions.forEach(ColumnFamilyOptions::close);
      blockCache.close();
      bloomFilter.close();
      throw new StorageException(StorageException.Kind.IO, "cannot open ledger database at " + dir + ": " + e.getMessage(), e);
    }
  }

  private static ColumnFamilyOptions tableOptions(LRUCache blockCache, BloomFilter bloomFilter) {
    return new ColumnFamilyOptions().setTableFormatConfig(
        new BlockBasedTableConfig().setBlockCache(blockCache).setFilterPolicy(bloomFilter));
  }

  byte[] get(ColumnFamily cf, byte[] key) throws StorageException {
    lock.readLock().lock();
    try {
      checkOpen();
      return db.get(handles.get(cf), key);
    } catch (RocksDBException e) {
      throw io("read", e);
    } finally {
      lock.readLock().unlock();
    }
  }

  /**
   * Visits entries from {@code from} (inclusive) in key order until the visitor returns false; in a
   * hashed family ({@link ColumnFamily#hashedPrefixLength}) only those that share {@code from}'s
   * prefix, and {@code from} must have one.
   */
  void scan(ColumnFamily cf, byte[] from, Visitor visitor) throws StorageException {
    if (cf.hashedPrefixLength() > 0 && (from == null || from.length < cf.hashedPrefixLength())) {
      throw new IllegalArgumentException(cf.dbName() + " is scanned only from a key with its whole prefix");
    }
    lock.readLock().lock();
    try (RocksIterator it = iterator(cf)) {
      if (from == null) {
        it.seekToFirst();
      } else {
        it.seek(from);
      }
      while (it.isValid()) {
        if (!visitor.visit(it.key(), it.value())) {
          break;
        }
        it.next();
      }
      it.status();
    } catch (RocksDBException e) {
      throw io("scan", e);
    } finally {
      lock.readLock().unlock();
    }
  }

  /** The last entry of an ordered family, or null. */
  byte[][] last(ColumnFamily cf) throws StorageException {
    if (cf.hashedPrefixLength() > 0) {
      throw new IllegalArgumentException(cf.dbName() + " has no last entry: its memtables are not ordered");
    }
    lock.readLock().lock();
    try (RocksIterator it = iterator(cf)) {
      it.seekToLast();
      byte[][] out = it.isValid() ? new byte[][] {it.key(), it.value()} : null;
      it.status();
      return out;
    } catch (RocksDBException e) {
      throw io("scan", e);
    } finally {
      lock.readLock().unlock();
    }
  }

  private RocksIterator iterator(ColumnFamily cf) throws StorageException {
    checkOpen();
    return cf.hashedPrefixLength() > 0 ? db.newIterator(handles.get(cf), withinPrefix) : db.newIterator(handles.get(cf));
  }

  /**
   * Writes a batch built by {@code filler} atomically; {@code sync} waits for the WAL fsync. The
   * entries of each ordered family reach RocksDB in key order ({@link KeyOrderedBatch}).
   */
  void write(boolean sync, BatchFiller filler) throws StorageException {
    lock.readLock().lock();
    try (WriteBatch batch = new WriteBatch()) {
      checkOpen();
      KeyOrderedBatch entries = new KeyOrderedBatch();
      filler.fill(new Batch(entries));
      entries.fill(batch);
      db.write(sync ? syncWrite : asyncWrite, batch);
    } catch (RocksDBException e) {
      throw io("write", e);
    } finally {
      lock.readLock().unlock();
    }
  }

  private void checkOpen() throws StorageException {
    if (closed) {
      throw new StorageException(StorageException.Kind.CLOSED, "ledger database is closed");
    }
  }

  private static StorageException io(String what, RocksDBException e) {
    return new StorageException(StorageException.Kind.IO, "ledger database " + what + " failed: " + e.getMessage(), e);
  }

  @Override
  public void close() {
    lock.writeLock().lock();
    try {
      if (closed) {
        return;
      }
      closed = true;
      handles.values().forEach(ColumnFamilyHandle::close);
      db.close();
      syncWrite.close();
      asyncWrite.close();
      withinPrefix.close();
      dbOptions.close();
      cfOptions.forEach(ColumnFamilyOptions::close);
      blockCache.close();
      bloomFilter.close();
    } finally {
      lock.writeLock().unlock();
    }
  }

  /** Receives each entry of a scan. */
  interface Visitor {
    boolean visit(byte[] key, byte[] value) throws StorageException;
  }

  /** Fills a write batch. */
  interface BatchFiller {
    void fill(Batch batch) throws StorageException;
  }

  /**
   * A write batch addressed by {@link ColumnFamily}. Keys and values are read when the batch is
   * written, after the filler returns, so a filler must not change an array it has put.
   */
  final class Batch {
    private final KeyOrderedBatch entries;

    private Batch(KeyOrderedBatch entries) {
      this.entries = entries;
    }

    void put(ColumnFamily cf, byte[] key, byte[] value) {
      entries.put(handles.get(cf), familyIds[cf.ordinal()], cf.hashedPrefixLength() == 0, key, value);
    }

    void delete(ColumnFamily cf, byte[] key) {
      entries.delete(handles.get(cf), familyIds[cf.ordinal()], cf.hashedPrefixLength() == 0, key);
    }
  }
}
