package io.astraea.consensus.sim;

import io.astraea.consensus.ExecutionResult;
import io.astraea.consensus.Executor;
import io.astraea.consensus.PayloadSource;
import io.astraea.consensus.liveness.CommitRecord;
import io.astraea.consensus.types.Block;
import io.astraea.consensus.types.Payload;
import io.astraea.crypto.HashValue;
import io.astraea.crypto.Sha3;
import io.astraea.crypto.quorum.BlockInfo;
import io.astraea.crypto.quorum.EpochState;
import io.astraea.crypto.quorum.ValidatorVerifier;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * A deterministic stand-in for the ledger: the state after a block is the hash of the parent
 * state and the block id, one version per block, and optionally a reconfiguration (same
 * validators, next epoch) every {@code reconfigEvery} versions. Also the payload source: every
 * leader always has a small payload, so the simulated network is busy. It keeps the node's
 * committed blocks per epoch, as a ledger would (surviving the node's crashes), for leader
 * election's {@link #committedHistory}.
 */
public final class SimExecutor implements Executor, PayloadSource {
  private final int node;
  private final long reconfigEvery;
  private final ValidatorVerifier verifier;
  private final Map<Long, List<CommitRecord>> committed = new TreeMap<>();

  public SimExecutor(int node, long reconfigEvery, ValidatorVerifier verifier) {
    this.node = node;
    this.reconfigEvery = reconfigEvery;
    this.verifier = verifier;
  }

  @Override
  public ExecutionResult execute(Block block, BlockInfo parent) {
    long version = parent.version() + 1;
    Optional<EpochState> next =
        reconfigEvery > 0 && version % reconfigEvery == 0
            ? Optional.of(new EpochState(block.epoch() + 1, verifier))
            : Optional.empty();
    return new ExecutionResult(
        Sha3.hash(parent.executedStateId().toBytes(), block.id().toBytes()), version, next);
  }

  /** Records a block the node committed (in commit order). */
  public void committed(Block block) {
    List<CommitRecord> epoch = committed.computeIfAbsent(block.epoch(), e -> new ArrayList<>());
    if (!block.isGenesis() && (epoch.isEmpty() || epoch.get(epoch.size() - 1).round() < block.round())) {
      epoch.add(CommitRecord.of(block));
    }
  }

  /**
   * A state sync to the block {@code target}: records the blocks of its epoch from the last one
   * recorded up to it, found through their parents in {@code blocks} (every block any node sent).
   */
  public void syncedTo(HashValue target, Function<HashValue, Block> blocks) {
    Deque<Block> skipped = new ArrayDeque<>();
    Block b = blocks.apply(target);
    long epoch = b == null ? -1 : b.epoch();
    List<CommitRecord> known = committed.getOrDefault(epoch, List.of());
    long last = known.isEmpty() ? 0 : known.get(known.size() - 1).round();
    while (b != null && b.epoch() == epoch && !b.isGenesis() && b.round() > last) {
      skipped.addFirst(b);
      b = blocks.apply(b.parentId());
    }
    skipped.forEach(this::committed);
  }

  @Override
  public List<CommitRecord> committedHistory(long epoch, int limit) {
    List<CommitRecord> all = committed.getOrDefault(epoch, List.of());
    return List.copyOf(all.subList(Math.max(0, all.size() - limit), all.size()));
  }

  @Override
  public Payload pull(long round, List<Payload> pending) {
    return Payload.of(ByteBuffer.allocate(12).putInt(node).putLong(round).array());
  }
}
