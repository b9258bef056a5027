package io.astraea.consensus;

import io.astraea.consensus.types.BlockRetrievalRequest;
import io.astraea.consensus.types.BlockRetrievalResponse;
import io.astraea.consensus.types.ConsensusMsg;
import io.astraea.consensus.types.QuorumCert;
import io.astraea.crypto.AccountAddress;
import io.astraea.crypto.HashValue;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Book-keeping of outstanding block retrievals and of the verified messages waiting for them.
 * A request is re-sent (possibly to another peer) only once the previous one timed out; waiting
 * messages are bounded, the oldest dropped first.
 */
final class BlockFetcher {
  /** A verified message to process again once the blocks it needs have arrived. */
  record Waiting(AccountAddress from, ConsensusMsg message) {}

  /** One outstanding request. */
  static final class Pending {
    final BlockRetrievalRequest request;
    final AccountAddress peer;
    final long sentAtUsecs;
    final Optional<QuorumCert> commitCert;
    final boolean fastForward;

    Pending(
        BlockRetrievalRequest request,
        AccountAddress peer,
        long sentAtUsecs,
        Optional<QuorumCert> commitCert,
        boolean fastForward) {
      this.request = request;
      this.peer = peer;
      this.sentAtUsecs = sentAtUsecs;
      this.commitCert = commitCert;
      this.fastForward = fastForward;
    }
  }

  private static final int MAX_WAITING = 32;
  private static final int MAX_PENDING = 16;

  private final Map<HashValue, Pending> pending = new LinkedHashMap<>();
  private final List<Waiting> waiting = new ArrayList<>();
  private final long timeoutUsecs;

  BlockFetcher(long timeoutUsecs) {
    this.timeoutUsecs = timeoutUsecs;
  }

  /** Parks a message; returns whether a request for {@code blockId} should go out now. */
  boolean park(HashValue blockId, AccountAddress from, ConsensusMsg message, long now) {
    if (message != null && !waiting.contains(new Waiting(from, message))) {
      waiting.add(new Waiting(from, message));
      if (waiting.size() > MAX_WAITING) {
        waiting.remove(0);
      }
    }
    Pending p = pending.get(blockId);
    return p == null || now - p.sentAtUsecs >= timeoutUsecs;
  }

  void sent(Pending p) {
    pending.put(p.request.blockId(), p);
    if (pending.size() > MAX_PENDING) {
      Iterator<HashValue> it = pending.keySet().iterator();
      it.next();
      it.remove();
    }
  }

  /** The outstanding request {@code response} from {@code peer} answers, removed from the set. */
  Optional<Pending> match(AccountAddress peer, BlockRetrievalResponse response) {
    if (response.blocks().isEmpty()) {
      return Optional.empty();
    }
    Pending p = pending.get(response.blocks().get(0).id());
    if (p == null || !p.peer.equals(peer)) {
      return Optional.empty();
    }
    pending.remove(p.request.blockId());
    return Optional.of(p);
  }

  /** Takes every waiting message, to be processed again. */
  List<Waiting> drainWaiting() {
    List<Waiting> out = List.copyOf(waiting);
    waiting.clear();
    return out;
  }
}
