package io.astraea.crypto.bcs;

/** A value with a canonical BCS encoding. */
public interface BcsEncodable {
  void serialize(BcsWriter w);

  /** The canonical BCS bytes of this value. */
  default byte[] toBcs() {
    BcsWriter w = new BcsWriter();
    serialize(w);
    return w.toByteArray();
  }
}
