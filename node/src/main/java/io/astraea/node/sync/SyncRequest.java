package io.astraea.node.sync;

import io.astraea.crypto.bcs.BcsEncodable;
import io.astraea.crypto.bcs.BcsException;
import io.astraea.crypto.bcs.BcsReader;
import io.astraea.crypto.bcs.BcsWriter;

/**
 * A state sync request (BCS, fields in order): the first version the requester lacks, how many
 * transactions it wants at most, the version it wants proofs against ({@link #LATEST} for the
 * server's latest ledger info), and the epoch the requester is in, so the server can prove a chunk
 * against the ledger info that ended that epoch when the target lies beyond it.
 */
public record SyncRequest(long startVersion, long limit, long targetVersion, long knownEpoch)
    implements BcsEncodable {
  /** "Prove against your latest ledger info." */
  public static final long LATEST = -1L;

  public static SyncRequest decode(BcsReader r) throws BcsException {
    return new SyncRequest(r.readU64(), r.readU64(), r.readU64(), r.readU64());
  }

  public static SyncRequest fromBcs(byte[] bytes) throws BcsException {
    return BcsReader.decode(bytes, SyncRequest::decode);
  }

  @Override
  public void serialize(BcsWriter w) {
    w.writeU64(startVersion).writeU64(limit).writeU64(targetVersion).writeU64(knownEpoch);
  }
}
