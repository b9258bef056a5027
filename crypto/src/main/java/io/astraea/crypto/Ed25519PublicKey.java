package io.astraea.crypto;

import io.astraea.crypto.bcs.BcsEncodable;
import io.astraea.crypto.bcs.BcsException;
import io.astraea.crypto.bcs.BcsReader;
import io.astraea.crypto.bcs.BcsWriter;
import java.util.Arrays;
import java.util.HexFormat;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/**
 * A strictly validated Ed25519 public key: a canonical encoding of a point of prime order. Keys
 * of small order (which would let any signature verify for some messages) are refused at
 * construction, so a {@code Ed25519PublicKey} that exists is safe to verify against.
 */
public final class Ed25519PublicKey implements BcsEncodable, Comparable<Ed25519PublicKey> {
  public static final int LENGTH = 32;

  private final byte[] bytes;
  /** The decoded point, kept so verification does not decompress the key every time. */
  private final Ed25519.PublicPoint point;

  private Ed25519PublicKey(byte[] bytes, Ed25519.PublicPoint point) {
    this.bytes = bytes;
    this.point = point;
  }

  public static Ed25519PublicKey fromBytes(byte[] bytes) throws CryptoMaterialException {
    if (bytes.length != LENGTH) {
      throw new CryptoMaterialException("an Ed25519 public key is 32 bytes, got " + bytes.length);
    }
    byte[] copy = bytes.clone();
    Ed25519.PublicPoint p = Ed25519.validatePublicKeyFullExport(copy, 0);
    if (p == null) {
      throw new CryptoMaterialException(
          "not a valid Ed25519 public key (non-canonical, off-curve or small-order point)");
    }
    return new Ed25519PublicKey(copy, p);
  }

  public static Ed25519PublicKey fromHex(String hex) throws CryptoMaterialException {
    try {
      return fromBytes(HexFormat.of().parseHex(hex.startsWith("0x") ? hex.substring(2) : hex));
    } catch (IllegalArgumentException e) {
      throw new CryptoMaterialException("public key is not hex: " + e.getMessage());
    }
  }

  public static Ed25519PublicKey decode(BcsReader r) throws BcsException {
    int at = r.position();
    byte[] b = r.readBytes();
    try {
      return fromBytes(b);
    } catch (CryptoMaterialException e) {
      throw new BcsException(e.getMessage(), at);
    }
  }

  /**
   * Strict verification: rejects S not below the group order, non-canonical or small-order R, and
   * anything else RFC 8032 rejects.
   */
  public boolean verify(byte[] message, Ed25519Signature signature) {
    byte[] sig = signature.raw();
    if (SmallOrder.isSmallOrderEncoding(sig, 0)) {
      return false;
    }
    return Ed25519.verify(sig, 0, point, message, 0, message.length);
  }

  public byte[] toBytes() {
    return bytes.clone();
  }

  public String toHex() {
    return HexFormat.of().formatHex(bytes);
  }

  @Override
  public void serialize(BcsWriter w) {
    w.writeBytes(bytes);
  }

  @Override
  public int compareTo(Ed25519PublicKey o) {
    return Arrays.compareUnsigned(bytes, o.bytes);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Ed25519PublicKey k && Arrays.equals(bytes, k.bytes);
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
