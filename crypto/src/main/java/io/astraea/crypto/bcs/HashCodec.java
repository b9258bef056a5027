package io.astraea.crypto.bcs;

import io.astraea.crypto.HashValue;

/** BCS form of {@link HashValue}: Diem encodes it as a length-prefixed 32-byte vector. */
public final class HashCodec {
  private HashCodec() {}

  public static void write(BcsWriter w, HashValue h) {
    w.writeUleb128(HashValue.LENGTH);
    byte[] b = new byte[HashValue.LENGTH];
    h.copyTo(b, 0);
    w.writeFixedBytes(b);
  }

  public static HashValue decode(BcsReader r) throws BcsException {
    int at = r.position();
    byte[] b = r.readBytes();
    if (b.length != HashValue.LENGTH) {
      throw new BcsException("a hash is 32 bytes, got " + b.length, at);
    }
    return HashValue.wrap(b);
  }
}
