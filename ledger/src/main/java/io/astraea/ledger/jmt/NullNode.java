package io.astraea.ledger.jmt;

import io.astraea.crypto.HashValue;

/** The root of an empty tree; written so that every version has a root node to read. */
public enum NullNode implements Node {
  INSTANCE;

  @Override
  public HashValue hash() {
    return JmtHashing.PLACEHOLDER;
  }
}
