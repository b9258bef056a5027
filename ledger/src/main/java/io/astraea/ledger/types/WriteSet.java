package io.astraea.ledger.types;

import io.astraea.crypto.bcs.BcsEncodable;
import io.astraea.crypto.bcs.BcsException;
import io.astraea.crypto.bcs.BcsReader;
import io.astraea.crypto.bcs.BcsWriter;
import java.util.List;
import java.util.Objects;

/**
 * An ordered list of storage changes, used only by the genesis transaction. Diem encodes it as
 * the sequence of (access path, write op) pairs; order is kept exactly as given, so producers must
 * emit a deterministic order (e.g. sorted by {@link AccessPath}).
 */
public record WriteSet(List<Entry> entries) implements BcsEncodable {
  public static final WriteSet EMPTY = new WriteSet(List.of());

  /** One (access path, write op) pair. */
  public record Entry(AccessPath path, WriteOp op) implements BcsEncodable {
    public Entry {
      Objects.requireNonNull(path, "path");
      Objects.requireNonNull(op, "op");
    }

    public static Entry decode(BcsReader r) throws BcsException {
      return new Entry(AccessPath.decode(r), WriteOp.decode(r));
    }

    @Override
    public void serialize(BcsWriter w) {
      w.write(path).write(op);
    }
  }

  public WriteSet {
    entries = List.copyOf(entries);
  }

  public static WriteSet decode(BcsReader r) throws BcsException {
    return new WriteSet(r.readSeq(Entry::decode));
  }

  @Override
  public void serialize(BcsWriter w) {
    w.writeSeq(entries);
  }
}
