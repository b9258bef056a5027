package io.astraea.node.mempool;

import io.astraea.consensus.PayloadSource;
import io.astraea.consensus.types.Payload;
import io.astraea.crypto.HashValue;
import io.astraea.crypto.bcs.BcsException;
import io.astraea.ledger.types.SignedTransaction;
import io.astraea.node.ledger.PayloadCodec;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The leader's transactions for a proposal: a {@link Mempool#pull} that leaves out the
 * transactions already carried by the uncommitted ancestors the block extends (while letting each
 * account's next transactions follow them), encoded with {@link PayloadCodec}. Runs on the
 * consensus thread.
 *
 * <p>Before pulling it waits for the ledger writes in flight ({@code beforePull}): a block that
 * consensus committed leaves the pending ancestors at once, but its transactions leave the mempool
 * only once it is written, and in between they would be proposed again.
 */
public final class MempoolPayloadSource implements PayloadSource {
  private final Mempool mempool;
  private final int maxTxns;
  private final long maxBytes;
  private final Runnable beforePull;

  public MempoolPayloadSource(Mempool mempool, int maxTxns, long maxBytes, Runnable beforePull) {
    this.mempool = mempool;
    this.maxTxns = maxTxns;
    this.maxBytes = maxBytes;
    this.beforePull = beforePull;
  }

  @Override
  public Payload pull(long round, List<Payload> pending) {
    beforePull.run();
    Set<HashValue> inFlight = new HashSet<>();
    for (Payload p : pending) {
      try {
        for (SignedTransaction t : PayloadCodec.decode(p)) {
          inFlight.add(t.hash());
        }
      } catch (BcsException e) {
        // An undecodable ancestor payload carries nothing that could be in flight.
      }
    }
    return PayloadCodec.encode(mempool.pull(maxTxns, maxBytes, inFlight));
  }
}
