package io.astraea.consensus.sim;

import io.astraea.consensus.ExecutionResult;
import io.astraea.consensus.Executor;
import io.astraea.consensus.types.Block;
import io.astraea.crypto.HashValue;
import io.astraea.crypto.quorum.BlockInfo;
import java.util.HashSet;
import java.util.Set;

/**
 * An executor with the node's ledger discipline: it only executes a block whose parent it has
 * executed itself or knows as committed (by a commit or a state sync). A restarted process starts
 * with only its committed root, exactly like the node's speculative executor.
 */
public final class StrictExecutor implements Executor {
  private final SimExecutor inner;
  private final Set<HashValue> known = new HashSet<>();
  private long refusals;

  public StrictExecutor(SimExecutor inner, BlockInfo committedRoot) {
    this.inner = inner;
    known.add(committedRoot.id());
  }

  @Override
  public ExecutionResult execute(Block block, BlockInfo parent) throws ExecutionException {
    if (!known.contains(parent.id())) {
      refusals++;
      throw new ExecutionException("parent " + parent.id() + " neither executed nor committed");
    }
    known.add(block.id());
    return inner.execute(block, parent);
  }

  /** The ledger now holds {@code info} (a commit or a state sync reached it). */
  public void committed(BlockInfo info) {
    known.add(info.id());
  }

  /** How many blocks were refused for want of an executed parent. */
  public long refusals() {
    return refusals;
  }
}
