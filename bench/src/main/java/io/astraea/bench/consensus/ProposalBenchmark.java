package io.astraea.bench.consensus;

import io.astraea.consensus.Action;
import io.astraea.consensus.ConsensusCore;
import io.astraea.consensus.Event;
import io.astraea.consensus.types.Block;
import io.astraea.consensus.types.BlockData;
import io.astraea.consensus.types.BlockType;
import io.astraea.consensus.types.Payload;
import io.astraea.consensus.types.ProposalMsg;
import io.astraea.consensus.types.QuorumCert;
import io.astraea.consensus.types.SyncInfo;
import io.astraea.consensus.types.VoteData;
import io.astraea.consensus.types.VoteMsg;
import io.astraea.crypto.AccountAddress;
import io.astraea.crypto.Ed25519Signature;
import io.astraea.crypto.quorum.BlockInfo;
import io.astraea.crypto.quorum.LedgerInfo;
import io.astraea.crypto.quorum.LedgerInfoWithSignatures;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The core's cost per proposal as a replica, signatures excluded: each operation delivers the
 * next round's proposal (with the certificate of the previous round in its sync info), and the
 * core verifies it (hashes only), inserts the certificate, commits the grandparent under the
 * 2-chain rule, executes, asks safety rules for a vote and emits it. A chain of pre-built
 * proposals is replayed into a fresh core when exhausted.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ProposalBenchmark {
  private static final int CHAIN = 4096;
  private BenchValidators validators;
  private final List<ProposalMsg> chain = new ArrayList<>();
  private ConsensusCore core;
  private int next;

  private AccountAddress leader(long round) {
    return validators.addresses.get(1 + (int) (round % 3));
  }

  @Setup
  public void setUp() {
    validators = new BenchValidators();
    QuorumCert qc = validators.genesis.rootQc();
    QuorumCert commit = qc;
    for (long round = 1; round <= CHAIN; round++) {
      AccountAddress author = leader(round);
      Payload payload = Payload.of(ByteBuffer.allocate(16).putLong(round).putLong(3).array());
      BlockData data = new BlockData(1, round, round * 1000, qc,
          new BlockType.Proposal(payload, author));
      Block block = new Block(data, Optional.of(signature(author)));
      chain.add(new ProposalMsg(block, new SyncInfo(qc, Optional.of(commit), Optional.empty())));
      BlockInfo parent = qc.certifiedBlock();
      var r = validators.execute(block, parent);
      BlockInfo info = new BlockInfo(1, round, block.id(), r.executedStateId(), r.version(),
          block.timestampUsecs(), Optional.empty());
      VoteData vd = new VoteData(info, parent);
      LedgerInfo li = new LedgerInfo(
          parent.round() + 1 == round ? parent : QuorumCert.EMPTY_COMMIT_INFO, vd.hash());
      TreeMap<AccountAddress, Ed25519Signature> sigs = new TreeMap<>();
      for (int v = 1; v <= 3; v++) {
        sigs.put(validators.addresses.get(v), signature(validators.addresses.get(v)));
      }
      qc = new QuorumCert(vd, LedgerInfoWithSignatures.of(li, sigs));
      commit = qc;
    }
    fresh();
    for (ProposalMsg m : chain) {
      List<Action> out =
          core.handle(new Event.MessageReceived(m.author(), m, m.proposal().timestampUsecs()));
      if (out.stream().noneMatch(a -> a instanceof Action.Send s && s.message() instanceof VoteMsg)) {
        throw new IllegalStateException("the core did not vote in round " + m.proposal().round());
      }
    }
    if (core.committedInfo().round() != CHAIN - 2) {
      throw new IllegalStateException("committed only up to " + core.committedInfo().round());
    }
    fresh();
  }

  private Ed25519Signature signature(AccountAddress a) {
    return validators.signer(validators.addresses.indexOf(a)).sign(new byte[0]);
  }

  private void fresh() {
    core = validators.core(0, BenchValidators.election(this::leader));
    core.handle(new Event.Start(0));
    next = 0;
  }

  @Benchmark
  public int proposal() {
    if (next == CHAIN) {
      fresh();
    }
    ProposalMsg m = chain.get(next++);
    return core.handle(new Event.MessageReceived(m.author(), m, m.proposal().timestampUsecs()))
        .size();
  }
}
