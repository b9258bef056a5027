package io.astraea.crypto.quorum;

import io.astraea.crypto.HashValue;
import io.astraea.crypto.bcs.BcsEncodable;
import io.astraea.crypto.bcs.BcsException;
import io.astraea.crypto.bcs.BcsReader;
import io.astraea.crypto.bcs.BcsWriter;
import io.astraea.crypto.bcs.HashCodec;
import java.util.Optional;

/**
 * What a block is once executed: its position (epoch, round), identity, the accumulator root
 * after it ({@code executedStateId}), the ledger version and time it ends at, and the next
 * epoch's validator set if it ends the epoch. Shared by consensus and ledger, byte for byte.
 */
public record BlockInfo(
    long epoch,
    long round,
    HashValue id,
    HashValue executedStateId,
    long version,
    long timestampUsecs,
    Optional<EpochState> nextEpochState)
    implements BcsEncodable {

  /** The placeholder state id Diem uses before a block has been executed. */
  public static final HashValue ACCUMULATOR_PLACEHOLDER_HASH =
      HashValue.fromHex("414343554d554c41544f525f504c414345484f4c4445525f4841534800000000");

  public static BlockInfo decode(BcsReader r) throws BcsException {
    r.enter();
    BlockInfo b =
        new BlockInfo(
            r.readU64(),
            r.readU64(),
            HashCodec.decode(r),
            HashCodec.decode(r),
            r.readU64(),
            r.readU64(),
            r.readOption(EpochState::decode));
    r.leave();
    return b;
  }

  @Override
  public void serialize(BcsWriter w) {
    w.writeU64(epoch).writeU64(round);
    HashCodec.write(w, id);
    HashCodec.write(w, executedStateId);
    w.writeU64(version).writeU64(timestampUsecs);
    w.writeOption(nextEpochState, (ww, s) -> s.serialize(ww));
  }

  public boolean hasReconfiguration() {
    return nextEpochState.isPresent();
  }
}
