package io.astraea.ledger.types;

import io.astraea.crypto.CryptoHasher;
import io.astraea.crypto.HashValue;
import io.astraea.crypto.bcs.BcsEncodable;

/**
 * An immutable value whose BCS encoding and {@code DIEM::} hash are each computed once, on first
 * use: a block has thousands of events and transaction infos, each hashed during execution and
 * encoded again when the commit stores it. Racing first uses compute equal results, so either may
 * win.
 */
abstract class MemoizedBcs implements BcsEncodable {
  private volatile byte[] encoded;
  private volatile HashValue hash;

  /** The hasher of this value's type. */
  abstract CryptoHasher hasher();

  /** {@code hasher().hash(bcs)}, computed once. */
  public HashValue hash() {
    HashValue h = hash;
    if (h == null) {
      h = hasher().hash(encoded());
      hash = h;
    }
    return h;
  }

  /** A copy of the BCS encoding. */
  @Override
  public byte[] toBcs() {
    return encoded().clone();
  }

  private byte[] encoded() {
    byte[] e = encoded;
    if (e == null) {
      e = BcsEncodable.super.toBcs();
      encoded = e;
    }
    return e;
  }
}
