package io.astraea.consensus;

import io.astraea.consensus.types.Payload;
import java.util.List;

/**
 * Where a leader gets the transactions for its proposal (the mempool). Payloads are opaque to
 * consensus. {@code pending} are the payloads of the uncommitted ancestors the new block will
 * extend, so the source can leave out what is already on the way.
 */
public interface PayloadSource {
  Payload pull(long round, List<Payload> pending);
}
