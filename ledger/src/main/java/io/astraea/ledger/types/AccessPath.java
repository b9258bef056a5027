package io.astraea.ledger.types;

import io.astraea.crypto.AccountAddress;
import io.astraea.crypto.bcs.BcsEncodable;
import io.astraea.crypto.bcs.BcsException;
import io.astraea.crypto.bcs.BcsReader;
import io.astraea.crypto.bcs.BcsWriter;
import java.util.Objects;

/** A location in an account's storage: the account and a path of bytes within it. */
public record AccessPath(AccountAddress address, Bytes path)
    implements BcsEncodable, Comparable<AccessPath> {
  public AccessPath {
    Objects.requireNonNull(address, "address");
    Objects.requireNonNull(path, "path");
  }

  public static AccessPath decode(BcsReader r) throws BcsException {
    return new AccessPath(AccountAddress.decode(r), Bytes.decode(r));
  }

  @Override
  public void serialize(BcsWriter w) {
    w.write(address).write(path);
  }

  /** Orders by address, then path bytes: the order in which genesis write sets are emitted. */
  @Override
  public int compareTo(AccessPath o) {
    int c = address.compareTo(o.address);
    return c != 0 ? c : path.compareTo(o.path);
  }
}
