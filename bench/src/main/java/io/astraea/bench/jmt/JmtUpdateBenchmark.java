package io.astraea.bench.jmt;

import io.astraea.bench.ValidatorJvm;
import io.astraea.crypto.HashValue;
import io.astraea.crypto.Sha3;
import io.astraea.ledger.jmt.InMemoryTreeStore;
import io.astraea.ledger.jmt.JellyfishMerkleTree;
import io.astraea.ledger.jmt.JmtException;
import io.astraea.ledger.jmt.NodeRetention;
import io.astraea.ledger.jmt.StaleNodePruner;
import io.astraea.ledger.jmt.StaleNodeStore;
import io.astraea.ledger.jmt.TreeReader;
import io.astraea.ledger.jmt.TreeUpdateBatch;
import io.astraea.ledger.jmt.TreeWriter;
import io.astraea.ledger.storage.LedgerStore;
import io.astraea.ledger.storage.StorageException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Cost of one block's state-tree update: 1,000 updates of existing accounts (40-byte values, the
 * order of an account blob) over a tree of {@code accounts} accounts, computed and written to the
 * node store. {@code perTransaction} applies them as 1,000 value sets of one key each (one version
 * per transaction, what execution does); otherwise as one value set. {@code retention} is the
 * node's {@code LAST_VERSION} (only the block's last tree is kept and written) or {@code
 * ALL_VERSIONS}. The tree is built once per trial; stale nodes are pruned between iterations,
 * outside the measurement.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xmx6g", ValidatorJvm.IGNORE_UNRECOGNIZED, ValidatorJvm.HUGE_PAGES})
public class JmtUpdateBenchmark {
  private static final int BLOCK = 1_000;
  private static final int BUILD_CHUNK = 100_000;

  @Param({"10000", "100000", "1000000"})
  public int accounts;

  @Param({"memory", "rocksdb"})
  public String store;

  @Param({"true", "false"})
  public boolean perTransaction;

  @Param({"LAST_VERSION", "ALL_VERSIONS"})
  public NodeRetention retention;

  private TreeReader reader;
  private TreeWriter writer;
  private StaleNodeStore staleStore;
  private LedgerStore ledger;
  private Path dir;
  private HashValue[] keys;
  private long nextVersion;
  private SplittableRandom rnd;

  @Setup(Level.Trial)
  public void build() throws JmtException, StorageException, IOException {
    if (store.equals("memory")) {
      InMemoryTreeStore s = new InMemoryTreeStore();
      reader = s;
      writer = s;
      staleStore = s;
    } else {
      dir = Files.createTempDirectory("jmt-bench");
      ledger = LedgerStore.open(dir);
      reader = ledger.stateTree();
      writer = ledger.stateTree();
      staleStore = ledger.stateTree();
    }
    keys = new HashValue[accounts];
    rnd = new SplittableRandom(42);
    JellyfishMerkleTree tree = new JellyfishMerkleTree(reader);
    for (int from = 0; from < accounts; from += BUILD_CHUNK) {
      Map<HashValue, byte[]> chunk = new HashMap<>();
      for (int i = from; i < Math.min(accounts, from + BUILD_CHUNK); i++) {
        keys[i] = Sha3.hash(ByteBuffer.allocate(8).putLong(i).array());
        chunk.put(keys[i], value());
      }
      writer.writeBatch(tree.putValueSet(chunk, nextVersion++));
    }
    pruneAll();
  }

  @Benchmark
  public TreeUpdateBatch updateBlock() throws JmtException {
    JellyfishMerkleTree tree = new JellyfishMerkleTree(reader);
    TreeUpdateBatch batch;
    if (perTransaction) {
      List<Map<HashValue, byte[]>> sets = new ArrayList<>(BLOCK);
      for (int i = 0; i < BLOCK; i++) {
        sets.add(Map.of(keys[rnd.nextInt(accounts)], value()));
      }
      batch = tree.putValueSets(sets, nextVersion, retention);
    } else {
      Map<HashValue, byte[]> set = new HashMap<>();
      for (int i = 0; i < BLOCK; i++) {
        set.put(keys[rnd.nextInt(accounts)], value());
      }
      batch = tree.putValueSet(set, nextVersion);
    }
    writer.writeBatch(batch);
    nextVersion = batch.lastVersion() + 1;
    return batch;
  }

  @TearDown(Level.Iteration)
  public void pruneAll() throws JmtException {
    new StaleNodePruner(staleStore, 0).prune(nextVersion - 1);
  }

  @TearDown(Level.Trial)
  public void close() throws IOException {
    if (ledger != null) {
      ledger.close();
      try (Stream<Path> files = Files.walk(dir)) {
        for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
  }

  private byte[] value() {
    byte[] v = new byte[40];
    for (int i = 0; i < v.length; i += 8) {
      long r = rnd.nextLong();
      for (int j = 0; j < 8; j++) {
        v[i + j] = (byte) (r >>> (8 * j));
      }
    }
    return v;
  }
}
