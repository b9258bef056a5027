package io.astraea.crypto;

import io.astraea.crypto.bcs.BcsEncodable;
import io.astraea.crypto.bcs.BcsException;
import io.astraea.crypto.bcs.BcsReader;
import io.astraea.crypto.bcs.BcsWriter;
import java.util.Arrays;
import java.util.HexFormat;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/**
 * A validated Ed25519 public key. A {@code Ed25519PublicKey} that exists is safe to verify against.
 *
 * <p>What {@link #fromBytes} refuses, and why:
 *
 * <ul>
 *   <li>Non-canonical encodings (the y coordinate not reduced below p = 2^255 - 19, or x = 0 with
 *       the sign bit set): one key would otherwise have two byte forms, hence two authentication
 *       keys and two account addresses. This is stricter than Diem, whose decoder reduces y
 *       modulo p; no key generator produces such an encoding, so no real key is affected.
 *   <li>Points that are not on the curve.
 *   <li>The eight points of small order (order 1, 2, 4 or 8): with such a key a forger can make a
 *       signature that verifies for a large share of all messages without knowing any secret.
 * </ul>
 *
 * <p><b>Mixed-order keys are accepted.</b> A point with a prime-order component and a non-zero
 * torsion component cannot be produced from a seed, but it is not dangerous either: forging a
 * signature for it is as hard as for its prime-order component. Diem's Rust implementation
 * accepts such keys (it checks only for small order), and so do we, so that every key a Diem
 * client or Diem's on-chain key rotation accepts is also accepted here. Refusing them would mean
 * an account could exist on a Diem network whose transactions Astraea cannot admit.
 *
 * <p>Verification (see {@link #verify}) is strict in the sense of the design: S must be below the
 * group order L, R must be canonically encoded and must not be a point of small order.
 */
public final class Ed25519PublicKey implements BcsEncodable, Comparable<Ed25519PublicKey> {
  public static final int LENGTH = 32;

  private final byte[] bytes;
  /** The decoded point, kept so verification does not decompress the key every time. */
  private final Ed25519.PublicPoint point;
  /**
   * The key's authentication key, computed on first use: the prologue derives it for every
   * transaction, and decoded keys are shared through the decoded-key cache, so a sender's is hashed
   * once. Racing first uses compute equal keys.
   */
  private volatile AuthenticationKey authenticationKey;

  private Ed25519PublicKey(byte[] bytes, Ed25519.PublicPoint point) {
    this.bytes = bytes;
    this.point = point;
  }

  public static Ed25519PublicKey fromBytes(byte[] bytes) throws CryptoMaterialException {
    if (bytes.length != LENGTH) {
      throw new CryptoMaterialException("an Ed25519 public key is 32 bytes, got " + bytes.length);
    }
    byte[] copy = bytes.clone();
    if (SmallOrder.isSmallOrderEncoding(copy, 0)) {
      throw new CryptoMaterialException("Ed25519 public key is a point of small order");
    }
    // Rejects y >= p, x = 0 with the sign bit set, points off the curve and small-order y values;
    // unlike the "full" variant it does not demand a torsion-free point (see the class comment).
    Ed25519.PublicPoint p = Ed25519.validatePublicKeyPartialExport(copy, 0);
    if (p == null) {
      throw new CryptoMaterialException(
          "not a valid Ed25519 public key (non-canonical encoding, off-curve or small-order point)");
    }
    return new Ed25519PublicKey(copy, p);
  }

  public static Ed25519PublicKey fromHex(String hex) throws CryptoMaterialException {
    return fromBytes(Hex.parse(hex, "public key"));
  }

  /** Keys decoded from the wire (see {@link DecodedKeyCache}). */
  static final DecodedKeyCache DECODED = new DecodedKeyCache(DecodedKeyCache.CAPACITY);

  /**
   * Reads a length-prefixed key, with exactly {@link #fromBytes}'s checks; a key decoded recently
   * (typically: by mempool admission, then again in the block that carries its transaction) is
   * not decompressed again.
   */
  public static Ed25519PublicKey decode(BcsReader r) throws BcsException {
    int at = r.position();
    byte[] b = r.readBytes();
    try {
      return DECODED.get(b);
    } catch (CryptoMaterialException e) {
      throw new BcsException(e.getMessage(), at);
    }
  }

  /**
   * Strict verification of a signature over {@code message} (the raw bytes that were signed,
   * e.g. a {@link CryptoHasher#signingMessage}). Returns false when:
   *
   * <ul>
   *   <li>S is not below the group order L (a signature with S + L would otherwise be a second,
   *       malleated form of the same signature);
   *   <li>R is not a canonical point encoding (y &gt;= p), is not on the curve, or is a point of
   *       small order (Diem refuses those: they let one signature verify under several keys);
   *   <li>the verification equation does not hold.
   * </ul>
   *
   * <p>The equation is checked in its cofactored form {@code [8][S]B = [8]R + [8][k]A}. For every
   * signature produced by RFC 8032 signing this agrees with the cofactorless check Diem's
   * implementation uses; the two can differ only for a signature deliberately built by the key
   * holder with a torsion component in R or in a mixed-order key, and every Astraea node decides
   * such a signature the same way.
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

  /** {@link AuthenticationKey#ed25519} of this key, computed once. */
  AuthenticationKey authenticationKey() {
    AuthenticationKey k = authenticationKey;
    if (k == null) {
      k = AuthenticationKey.fromScheme(bytes, AuthenticationKey.SCHEME_ED25519);
      authenticationKey = k;
    }
    return k;
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
