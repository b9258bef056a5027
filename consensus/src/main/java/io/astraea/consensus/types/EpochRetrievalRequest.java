package io.astraea.consensus.types;

import io.astraea.crypto.bcs.BcsException;
import io.astraea.crypto.bcs.BcsReader;
import io.astraea.crypto.bcs.BcsWriter;

/** Asks a peer for the ledger infos that ended epochs {@code startEpoch..endEpoch-1}. */
public record EpochRetrievalRequest(long startEpoch, long endEpoch) implements ConsensusMsg {
  public static EpochRetrievalRequest decode(BcsReader r) throws BcsException {
    return new EpochRetrievalRequest(r.readU64(), r.readU64());
  }

  @Override
  public void serialize(BcsWriter w) {
    w.writeU64(startEpoch).writeU64(endEpoch);
  }

  @Override
  public int variant() {
    return 2;
  }

  @Override
  public long epoch() {
    return startEpoch;
  }
}
