package io.astraea.ledger.types;

import io.astraea.crypto.bcs.BcsEncodable;
import io.astraea.crypto.bcs.BcsException;
import io.astraea.crypto.bcs.BcsReader;
import io.astraea.crypto.bcs.BcsWriter;

/**
 * The one-byte network identifier every transaction carries, so that a transaction signed for one
 * network cannot be replayed on another. Diem's well-known values: mainnet 1, testnet 2, devnet 3,
 * testing 4, premainnet 5.
 */
public record ChainId(int id) implements BcsEncodable {
  public static final ChainId MAINNET = new ChainId(1);
  public static final ChainId TESTNET = new ChainId(2);
  public static final ChainId DEVNET = new ChainId(3);
  public static final ChainId TESTING = new ChainId(4);
  public static final ChainId PREMAINNET = new ChainId(5);

  public ChainId {
    if (id < 0 || id > 255) {
      throw new IllegalArgumentException("a chain id is a u8, got " + id);
    }
  }

  public static ChainId decode(BcsReader r) throws BcsException {
    return new ChainId(r.readU8());
  }

  @Override
  public void serialize(BcsWriter w) {
    w.writeU8(id);
  }

  @Override
  public String toString() {
    return Integer.toString(id);
  }
}
