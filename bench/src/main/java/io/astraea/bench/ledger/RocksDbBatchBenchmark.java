package io.astraea.bench.ledger;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.ColumnFamilyOptions;
import org.rocksdb.DBOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.WriteBatch;
import org.rocksdb.WriteOptions;

/**
 * What RocksDB itself charges for a batch the size of a block's commit, with no ledger code
 * around it: {@code entries} puts of {@code bytes} in total, spread over twelve column families
 * (the ledger's write families), keys increasing as the ledger's version-prefixed keys do. Each
 * invocation fills a batch (the JNI copy of every entry, measured) and writes it, synced or not.
 * A block of 1,000 transfers makes about 16,000 entries and 3 MB (docs/PERFORMANCE.md), so this
 * gives the floor under the commit of a block on this machine. The values are prepared in the
 * trial setup, outside the measurement; ms per batch.
 *
 * <p>The loop writes as fast as RocksDB accepts, several times the rate of a validator, so its
 * background flushes can fall behind and RocksDB then stalls writes for a while: iterations with
 * a stall stand out (hundreds of ms), and the steady ones are the figure to read. That happens
 * mostly with {@code -p sync=false}, which writes fastest.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class RocksDbBatchBenchmark {
  private static final int FAMILIES = 12;
  private static final int KEY_BYTES = 16;

  @Param({"16000", "4000"})
  public int entries;

  @Param({"3000000", "1500000"})
  public int bytes;

  @Param({"true"})
  public boolean sync;

  private Path dir;
  private DBOptions dbOptions;
  private ColumnFamilyOptions cfOptions;
  private RocksDB db;
  private final List<ColumnFamilyHandle> handles = new ArrayList<>();
  private WriteOptions writeOptions;
  private byte[][] values;
  private long nextKey;

  @Setup(Level.Trial)
  public void open() throws IOException, RocksDBException {
    RocksDB.loadLibrary();
    dir = Files.createTempDirectory("astraea-bench-rocksdb");
    dbOptions = new DBOptions().setCreateIfMissing(true).setCreateMissingColumnFamilies(true);
    cfOptions = new ColumnFamilyOptions();
    List<ColumnFamilyDescriptor> descriptors = new ArrayList<>();
    descriptors.add(new ColumnFamilyDescriptor(RocksDB.DEFAULT_COLUMN_FAMILY, cfOptions));
    for (int i = 1; i < FAMILIES; i++) {
      descriptors.add(new ColumnFamilyDescriptor(("family" + i).getBytes(), cfOptions));
    }
    db = RocksDB.open(dbOptions, dir.toString(), descriptors, handles);
    writeOptions = new WriteOptions().setSync(sync);
    int valueBytes = Math.max(1, bytes / entries - KEY_BYTES);
    SplittableRandom random = new SplittableRandom(7);
    values = new byte[entries][];
    for (int i = 0; i < entries; i++) {
      values[i] = new byte[valueBytes];
      for (int j = 0; j < valueBytes; j++) {
        values[i][j] = (byte) random.nextInt(256); // incompressible, like hashes and signatures
      }
    }
  }

  @Benchmark
  public long writeBatch() throws RocksDBException {
    try (WriteBatch batch = new WriteBatch()) {
      for (int i = 0; i < entries; i++) {
        byte[] key = new byte[KEY_BYTES];
        long k = nextKey++;
        for (int j = 0; j < 8; j++) {
          key[j] = (byte) (k >>> (56 - 8 * j));
        }
        batch.put(handles.get(i % FAMILIES), key, values[i]);
      }
      db.write(writeOptions, batch);
      return batch.getDataSize();
    }
  }

  @TearDown(Level.Trial)
  public void close() throws IOException {
    handles.forEach(ColumnFamilyHandle::close);
    db.close();
    writeOptions.close();
    cfOptions.close();
    dbOptions.close();
    TransferNetwork.deleteTree(dir);
  }
}
