package io.astraea.bench.ledger;

import io.astraea.bench.ValidatorJvm;
import io.astraea.consensus.ExecutionResult;
import io.astraea.consensus.RecoveryData;
import io.astraea.consensus.blocks.ExecutedBlock;
import io.astraea.consensus.types.Block;
import io.astraea.consensus.types.Payload;
import io.astraea.crypto.bcs.BcsException;
import io.astraea.crypto.quorum.BlockInfo;
import io.astraea.crypto.quorum.EpochState;
import io.astraea.ledger.execution.ExecutorConfig;
import io.astraea.ledger.types.SignedTransaction;
import io.astraea.node.ledger.CommittedTransactions;
import io.astraea.node.ledger.LedgerService;
import io.astraea.node.ledger.PayloadCodec;
import io.astraea.node.ledger.SpeculativeExecutor;
import io.astraea.node.ledger.VerifiedSignatures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
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
 * {@link ExecuteAndCommitBenchmark}'s blocks (1,000 transfers over {@code accounts} accounts,
 * signatures verified by admission beforehand) through the validator's pipelined path: each
 * invocation executes block N on the consensus side while block N - 1 is still being written by
 * the ledger writer thread, then submits block N's commit (which first waits for N - 1's write to
 * be durable). The score, transfers per second, therefore counts both threads' work: a block per
 * max(execute, write) in steady state. The write of the iteration's last block is not waited for.
 *
 * <p>The transactions of all blocks are signed in the trial setup ({@code blocks} of them; the run
 * fails if it needs more): signing them between invocations, as the serial benchmark does, would
 * give the writer thread tens of unmeasured milliseconds to catch up. Between invocations only the
 * admission step remains (decoding a block's transactions, about a millisecond).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(jvmArgsAppend = {ValidatorJvm.IGNORE_UNRECOGNIZED, ValidatorJvm.HUGE_PAGES})
public class PipelinedCommitBenchmark {
  @Param({"100000"})
  public int accounts;

  /** How many blocks to prepare: enough for {@code -wi 2 -i 5 -w 5s -r 10s} at 12,000/s. */
  @Param({"800"})
  public int blocks;

  private Path dir;
  private TransferNetwork network;
  private LedgerService ledger;
  private SpeculativeExecutor executor;
  private EpochState epoch;
  private BlockInfo parent;
  private final Deque<Payload> prepared = new ArrayDeque<>();
  private VerifiedSignatures verified;
  private Block next;
  private CompletableFuture<CommittedTransactions> inFlight;

  @Setup(Level.Trial)
  public void openLedger() throws Exception {
    network = new TransferNetwork(accounts, ExecuteAndCommitBenchmark.BLOCK);
    dir = Files.createTempDirectory("astraea-bench-pipeline");
    ledger = LedgerService.open(dir, network.description());
    verified = new VerifiedSignatures(VerifiedSignatures.DEFAULT_CAPACITY);
    executor = new SpeculativeExecutor(ledger, verified, ExecutorConfig.standard());
    long t0 = System.nanoTime();
    for (int b = 0; b < blocks; b++) {
      // Kept as one byte array per block: a million live transaction objects would burden the
      // collector during the measurement.
      prepared.add(PayloadCodec.encode(network.transfers(b)));
    }
    System.out.printf("%nsetup: %d blocks signed in %d ms%n", blocks, (System.nanoTime() - t0) / 1_000_000);
    RecoveryData start = ledger.recoveryData();
    epoch = start.epochState();
    parent = start.root().info();
  }

  @Setup(Level.Invocation)
  public void proposeNextBlock() throws BcsException {
    Payload payload = prepared.poll();
    if (payload == null) {
      throw new IllegalStateException("all " + blocks + " prepared blocks used: raise -p blocks");
    }
    // What admission does (about a millisecond a block): decode the submitted transactions, which
    // keeps each sender's validated key, and record their verified signatures.
    List<SignedTransaction> txns = PayloadCodec.decode(payload);
    txns.forEach(t -> verified.markVerified(t.hash()));
    next = network.proposal(parent, parent.round() + 1, txns);
  }

  @Benchmark
  @OperationsPerInvocation(ExecuteAndCommitBenchmark.BLOCK)
  public CompletableFuture<CommittedTransactions> executeAndSubmitCommit() throws Exception {
    ExecutionResult r = executor.execute(next, parent);
    BlockInfo info = new BlockInfo(next.epoch(), next.round(), next.id(), r.executedStateId(), r.version(),
        next.timestampUsecs(), r.nextEpochState());
    CompletableFuture<CommittedTransactions> previous = inFlight;
    inFlight = executor.submitCommit(TransferNetwork.commit(epoch, new ExecutedBlock(next, info)));
    // submitCommit waited for the previous write; it must have committed every transfer
    if (previous != null && previous.get().committed().size() != ExecuteAndCommitBenchmark.BLOCK) {
      throw new IllegalStateException("a block did not commit all of its transfers");
    }
    parent = info;
    return inFlight;
  }

  /** Waits for the last write and checks that the last block's transfers executed, not aborted. */
  @TearDown(Level.Iteration)
  public void checkLastBlock() throws Exception {
    executor.awaitWrites();
    long last = ledger.latestVersion();
    TransferNetwork.requireExecuted(ledger, last - ExecuteAndCommitBenchmark.BLOCK + 1, last);
    System.out.printf("%nledger at %d, %d prepared blocks left%n", last, prepared.size());
  }

  @TearDown(Level.Trial)
  public void closeLedger() throws IOException {
    executor.close();
    ledger.close();
    TransferNetwork.deleteTree(dir);
  }
}
