package io.astraea.crypto;

import io.astraea.crypto.bcs.BcsEncodable;
import io.astraea.crypto.bcs.BcsException;
import io.astraea.crypto.bcs.BcsReader;
import io.astraea.crypto.bcs.BcsWriter;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * A 64-byte Ed25519 signature {@code R || S}. BCS-encoded as a length-prefixed byte vector, as in
 * Diem. Construction checks only the length; the canonical-S and small-order-R checks happen in
 * {@link Ed25519PublicKey#verify}.
 */
public final class Ed25519Signature implements BcsEncodable {
  public static final int LENGTH = 64;
  private final byte[] bytes;

  private Ed25519Signature(byte[] bytes) {
    this.bytes = bytes;
  }

  public static Ed25519Signature fromBytes(byte[] bytes) throws CryptoMaterialException {
    if (bytes.length != LENGTH) {
      throw new CryptoMaterialException("an Ed25519 signature is 64 bytes, got " + bytes.length);
    }
    return new Ed25519Signature(bytes.clone());
  }

  static Ed25519Signature adopt(byte[] bytes) {
    return new Ed25519Signature(bytes);
  }

  public static Ed25519Signature decode(BcsReader r) throws BcsException {
    int at = r.position();
    byte[] b = r.readBytes();
    if (b.length != LENGTH) {
      throw new BcsException("an Ed25519 signature is 64 bytes, got " + b.length, at);
    }
    return new Ed25519Signature(b);
  }

  byte[] raw() {
    return bytes;
  }

  public byte[] toBytes() {
    return bytes.clone();
  }

  @Override
  public void serialize(BcsWriter w) {
    w.writeBytes(bytes);
  }

  public String toHex() {
    return HexFormat.of().formatHex(bytes);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Ed25519Signature s && Arrays.equals(bytes, s.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    return toHex();
  }
}
