package io.astraea.ledger.types;

import io.astraea.crypto.AccountAddress;
import io.astraea.crypto.HashValue;
import io.astraea.crypto.bcs.BcsEncodable;
import io.astraea.crypto.bcs.BcsException;
import io.astraea.crypto.bcs.BcsReader;
import io.astraea.crypto.bcs.BcsWriter;
import io.astraea.crypto.bcs.HashCodec;
import java.util.List;
import java.util.Objects;

/**
 * The first transaction of every block: the block id, round, timestamp (microseconds; the only
 * clock execution may read), the validators whose votes certified the parent, and the proposer.
 */
public record BlockMetadata(
    HashValue id,
    long round,
    long timestampUsecs,
    List<AccountAddress> previousBlockVotes,
    AccountAddress proposer)
    implements BcsEncodable {

  public BlockMetadata {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(proposer, "proposer");
    previousBlockVotes = List.copyOf(previousBlockVotes);
  }

  public static BlockMetadata decode(BcsReader r) throws BcsException {
    return new BlockMetadata(
        HashCodec.decode(r),
        r.readU64(),
        r.readU64(),
        r.readSeq(AccountAddress::decode),
        AccountAddress.decode(r));
  }

  @Override
  public void serialize(BcsWriter w) {
    HashCodec.write(w, id);
    w.writeU64(round).writeU64(timestampUsecs).writeSeq(previousBlockVotes).write(proposer);
  }
}
