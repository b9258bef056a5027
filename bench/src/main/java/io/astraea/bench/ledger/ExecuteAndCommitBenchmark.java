package io.astraea.bench.ledger;

import io.astraea.bench.ValidatorJvm;
import io.astraea.consensus.ExecutionResult;
import io.astraea.consensus.RecoveryData;
import io.astraea.consensus.blocks.ExecutedBlock;
import io.astraea.consensus.types.Block;
import io.astraea.crypto.bcs.BcsException;
import io.astraea.crypto.bcs.BcsReader;
import io.astraea.crypto.quorum.BlockInfo;
import io.astraea.crypto.quorum.EpochState;
import io.astraea.ledger.execution.ExecutorConfig;
import io.astraea.ledger.storage.StorageException;
import io.astraea.ledger.types.SignedTransaction;
import io.astraea.node.ledger.CommittedTransactions;
import io.astraea.node.ledger.LedgerService;
import io.astraea.node.ledger.SpeculativeExecutor;
import io.astraea.node.ledger.VerifiedSignatures;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * What the validator pays per block of 1,000 {@code peer_to_peer_with_metadata<XUS>} transfers
 * over {@code accounts} funded accounts: {@link SpeculativeExecutor#execute} (block metadata and
 * transfers on the committed state, state tree update, transaction infos, accumulator) followed by
 * {@link SpeculativeExecutor#commit} of that block to RocksDB (one write batch, plus the recovery
 * record), exactly the node's path. Each invocation executes the next block on top of the
 * previous one's committed state. The score is transfers per second.
 *
 * <p>{@code signatures}: {@code verify} leaves the signature cache empty, so the executor verifies
 * every transaction's signature itself; {@code mempool} admits them beforehand as the mempool
 * does (decodes the submitted bytes, which caches each sender's validated public key, and marks
 * the signature verified), so execution runs without signature checks.
 *
 * <p>Trial setup (not measured): key derivation, a genesis funding every account as a testnet
 * account, committed into a fresh RocksDB in a temporary directory (deleted at tear-down).
 * Invocation setup (not measured): signing the next block's transactions and the proposal.
 * Invocations last tens of milliseconds, far above JMH's per-invocation timing overhead.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(jvmArgsAppend = {ValidatorJvm.IGNORE_UNRECOGNIZED, ValidatorJvm.HUGE_PAGES})
public class ExecuteAndCommitBenchmark {
  static final int BLOCK = 1_000;

  @Param({"100000"})
  public int accounts;

  @Param({"mempool", "verify"})
  public String signatures;

  private Path dir;
  private TransferNetwork network;
  private LedgerService ledger;
  private SpeculativeExecutor executor;
  private VerifiedSignatures verified;
  private EpochState epoch;
  private BlockInfo parent;
  private long blockIndex;
  private Block next;
  private long executeNanos;
  private long commitNanos;
  private long blocks;
  /** CPU time, to tell the code's cost from a host that lends its cores elsewhere for a while. */
  private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
  private final com.sun.management.OperatingSystemMXBean os =
      (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
  private long writerThreadId = -1;
  private long executeCpuNanos;
  private long commitCpuNanos;
  private long processCpuNanos;

  @Setup(Level.Trial)
  public void openLedger() throws Exception {
    if (!signatures.equals("mempool") && !signatures.equals("verify")) {
      throw new IllegalArgumentException("signatures must be mempool or verify");
    }
    long t0 = System.nanoTime();
    network = new TransferNetwork(accounts, BLOCK);
    long t1 = System.nanoTime();
    dir = Files.createTempDirectory("astraea-bench-ledger");
    ledger = LedgerService.open(dir, network.description());
    long t2 = System.nanoTime();
    verified = new VerifiedSignatures(VerifiedSignatures.DEFAULT_CAPACITY);
    executor = new SpeculativeExecutor(ledger, verified, ExecutorConfig.standard());
    RecoveryData start = ledger.recoveryData();
    epoch = start.epochState();
    parent = start.root().info();
    System.out.printf("%nsetup: %d keys in %d ms, genesis with %d accounts committed in %d ms%n",
        accounts, (t1 - t0) / 1_000_000, accounts, (t2 - t1) / 1_000_000);
  }

  @Setup(Level.Invocation)
  public void signNextBlock() {
    List<SignedTransaction> txns = network.transfers(blockIndex++);
    if (signatures.equals("mempool")) {
      for (SignedTransaction t : txns) {
        // What admission does with a submitted transaction: decode its bytes (which validates and
        // caches the sender's public key) and record its verified signature.
        try {
          verified.markVerified(BcsReader.decode(t.toBcs(), SignedTransaction::decode).hash());
        } catch (BcsException e) {
          throw new IllegalStateException("benchmark transaction does not decode", e);
        }
      }
    }
    next = network.proposal(parent, parent.round() + 1, txns);
  }

  @Benchmark
  @OperationsPerInvocation(BLOCK)
  public CommittedTransactions executeAndCommit() throws Exception {
    long p0 = os.getProcessCpuTime();
    long w0 = writerCpuNanos();
    long c0 = threads.getCurrentThreadCpuTime();
    long t0 = System.nanoTime();
    ExecutionResult r = executor.execute(next, parent);
    BlockInfo info = new BlockInfo(next.epoch(), next.round(), next.id(), r.executedStateId(), r.version(),
        next.timestampUsecs(), r.nextEpochState());
    ExecutedBlock executed = new ExecutedBlock(next, info);
    long t1 = System.nanoTime();
    long c1 = threads.getCurrentThreadCpuTime();
    CommittedTransactions c = executor.commit(TransferNetwork.commit(epoch, executed));
    long t2 = System.nanoTime();
    long w1 = writerCpuNanos();
    long p1 = os.getProcessCpuTime();
    if (c.committed().size() != BLOCK) {
      throw new IllegalStateException("only " + c.committed().size() + " of " + BLOCK + " transfers committed");
    }
    executeNanos += t1 - t0;
    commitNanos += t2 - t1;
    executeCpuNanos += c1 - c0;
    commitCpuNanos += w1 - w0;
    processCpuNanos += p1 - p0;
    blocks++;
    parent = info;
    return c;
  }

  /**
   * Prints the phase split and checks that the last block's transfers really executed (kept with
   * status {@code Executed}, not aborted), so the score counts successful transfers only.
   */
  @TearDown(Level.Iteration)
  public void reportPhases() throws StorageException {
    long last = ledger.latestVersion();
    TransferNetwork.requireExecuted(ledger, blocks > 0 ? last - BLOCK + 1 : last + 1, last);
    if (blocks > 0) {
      System.out.printf("%n%d blocks: execute (incl. tree update) %.1f ms/block, commit %.1f ms/block, ledger at %d%n",
          blocks, executeNanos / 1e6 / blocks, commitNanos / 1e6 / blocks, ledger.latestVersion());
      System.out.printf("  CPU per block: execute thread %.1f ms, writer thread %.1f ms, whole process %.1f ms%n",
          executeCpuNanos / 1e6 / blocks, commitCpuNanos / 1e6 / blocks, processCpuNanos / 1e6 / blocks);
    }
    executeNanos = 0;
    commitNanos = 0;
    executeCpuNanos = 0;
    commitCpuNanos = 0;
    processCpuNanos = 0;
    blocks = 0;
  }

  /**
   * CPU time of the thread that writes commits (the executor's {@code ledger-writer}, found by
   * name once it exists), or 0 before it does.
   */
  private long writerCpuNanos() {
    if (writerThreadId < 0) {
      for (Thread t : Thread.getAllStackTraces().keySet()) {
        if (t.getName().equals("ledger-writer")) {
          writerThreadId = t.getId();
        }
      }
      if (writerThreadId < 0) {
        return 0;
      }
    }
    return Math.max(0, threads.getThreadCpuTime(writerThreadId));
  }

  @TearDown(Level.Trial)
  public void closeLedger() throws IOException {
    executor.close();
    ledger.close();
    TransferNetwork.deleteTree(dir);
  }
}
