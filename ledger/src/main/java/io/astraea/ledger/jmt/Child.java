package io.astraea.ledger.jmt;

import io.astraea.crypto.HashValue;
import java.util.Objects;

/**
 * What an internal node knows about one child: its hash, the version that wrote it (which with
 * the parent's path and the nibble gives the child's {@link NodeKey}) and whether it is a leaf.
 */
public record Child(HashValue hash, long version, boolean leaf) {
  public Child {
    Objects.requireNonNull(hash, "hash");
    if (version < 0) {
      throw new IllegalArgumentException("negative version " + version);
    }
  }
}
