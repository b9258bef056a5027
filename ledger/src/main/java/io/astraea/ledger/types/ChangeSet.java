package io.astraea.ledger.types;

import io.astraea.crypto.bcs.BcsEncodable;
import io.astraea.crypto.bcs.BcsException;
import io.astraea.crypto.bcs.BcsReader;
import io.astraea.crypto.bcs.BcsWriter;
import java.util.List;
import java.util.Objects;

/** A write set plus the events it emits: the direct form of the genesis transaction. */
public record ChangeSet(WriteSet writeSet, List<ContractEvent> events) implements BcsEncodable {
  public ChangeSet {
    Objects.requireNonNull(writeSet, "writeSet");
    events = List.copyOf(events);
  }

  public static ChangeSet decode(BcsReader r) throws BcsException {
    return new ChangeSet(WriteSet.decode(r), r.readSeq(ContractEvent::decode));
  }

  @Override
  public void serialize(BcsWriter w) {
    w.write(writeSet).writeSeq(events);
  }
}
