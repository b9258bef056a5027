package io.astraea.crypto;

import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * A slow, independent edwards25519 implementation over {@link BigInteger}, written from RFC 8032
 * section 5.1, used by tests to build points and signatures the production code must judge
 * (small-order points, non-canonical encodings, mixed-order keys) without trusting it.
 */
final class EdwardsReference {
  static final BigInteger P = BigInteger.TWO.pow(255).subtract(BigInteger.valueOf(19));
  static final BigInteger L =
      BigInteger.TWO.pow(252).add(new BigInteger("27742317777372353535851937790883648493"));
  static final BigInteger D =
      BigInteger.valueOf(-121665).multiply(BigInteger.valueOf(121666).modInverse(P)).mod(P);
  private static final BigInteger SQRT_M1 =
      BigInteger.TWO.modPow(P.subtract(BigInteger.ONE).shiftRight(2), P);

  /** An affine point (x, y). */
  record Point(BigInteger x, BigInteger y) {
    boolean isIdentity() {
      return x.signum() == 0 && y.equals(BigInteger.ONE);
    }
  }

  static final Point IDENTITY = new Point(BigInteger.ZERO, BigInteger.ONE);
  static final Point BASE = decode(fromHex("5866666666666666666666666666666666666666666666666666666666666666"));

  private EdwardsReference() {}

  static byte[] fromHex(String hex) {
    return java.util.HexFormat.of().parseHex(hex);
  }

  /** The x with the given parity for y, or null when y is not on the curve (y taken mod p). */
  static BigInteger recoverX(BigInteger y, int sign) {
    BigInteger yy = y.multiply(y).mod(P);
    BigInteger u = yy.subtract(BigInteger.ONE).mod(P);
    BigInteger v = D.multiply(yy).add(BigInteger.ONE).mod(P);
    BigInteger x2 = u.multiply(v.modInverse(P)).mod(P);
    if (x2.signum() == 0) {
      return sign == 0 ? BigInteger.ZERO : null;
    }
    BigInteger x = x2.modPow(P.add(BigInteger.valueOf(3)).shiftRight(3), P);
    if (!x.multiply(x).mod(P).equals(x2)) {
      x = x.multiply(SQRT_M1).mod(P);
    }
    if (!x.multiply(x).mod(P).equals(x2)) {
      return null;
    }
    if (x.testBit(0) != (sign == 1)) {
      x = P.subtract(x);
    }
    return x;
  }

  /** Decodes leniently: y is reduced mod p, so non-canonical encodings decode too. */
  static Point decode(byte[] enc) {
    byte[] le = enc.clone();
    int sign = (le[31] >> 7) & 1;
    le[31] &= 0x7f;
    BigInteger y = littleEndian(le).mod(P);
    BigInteger x = recoverX(y, sign);
    return x == null ? null : new Point(x, y);
  }

  static byte[] encode(Point p) {
    byte[] out = toLittleEndian(p.y(), 32);
    if (p.x().testBit(0)) {
      out[31] |= (byte) 0x80;
    }
    return out;
  }

  /** The encoding of y + p (only meaningful for y below 19), with the given sign bit. */
  static byte[] nonCanonical(BigInteger y, int sign) {
    byte[] out = toLittleEndian(y.add(P), 32);
    if (sign == 1) {
      out[31] |= (byte) 0x80;
    }
    return out;
  }

  static Point add(Point a, Point b) {
    BigInteger x1x2 = a.x().multiply(b.x()).mod(P);
    BigInteger y1y2 = a.y().multiply(b.y()).mod(P);
    BigInteger dxy = D.multiply(x1x2).multiply(y1y2).mod(P);
    BigInteger x = a.x().multiply(b.y()).add(b.x().multiply(a.y()))
        .multiply(BigInteger.ONE.add(dxy).modInverse(P)).mod(P);
    BigInteger y = y1y2.add(x1x2)
        .multiply(BigInteger.ONE.subtract(dxy).mod(P).modInverse(P)).mod(P);
    return new Point(x, y);
  }

  static Point negate(Point a) {
    return new Point(P.subtract(a.x()).mod(P), a.y());
  }

  static Point mul(BigInteger k, Point p) {
    Point r = IDENTITY;
    for (int i = k.bitLength() - 1; i >= 0; i--) {
      r = add(r, r);
      if (k.testBit(i)) {
        r = add(r, p);
      }
    }
    return r;
  }

  /** The smallest n in {1, 2, 4, 8} with [n]P = O, or 0 if P is not of small order. */
  static int smallOrder(Point p) {
    Point q = p;
    for (int n = 1; n <= 8; n *= 2) {
      if (q.isIdentity()) {
        return n;
      }
      q = add(q, q);
    }
    return 0;
  }

  /** The secret scalar a of an RFC 8032 seed. */
  static BigInteger secretScalar(byte[] seed) {
    byte[] h = Arrays.copyOf(sha512(seed), 32);
    h[0] &= (byte) 0xf8;
    h[31] &= 0x7f;
    h[31] |= 0x40;
    return littleEndian(h);
  }

  /**
   * A signature with a chosen R encoding: S = (r + k * a) mod L with k = H(R || A || M). With
   * r = 0 and R a small-order or non-canonical identity this is exactly what strict verification
   * must refuse.
   */
  static byte[] signWithR(byte[] seed, byte[] publicKey, byte[] rEncoding, BigInteger r, byte[] message) {
    BigInteger k = littleEndian(sha512(rEncoding, publicKey, message)).mod(L);
    BigInteger s = r.add(k.multiply(secretScalar(seed))).mod(L);
    byte[] sig = new byte[64];
    System.arraycopy(rEncoding, 0, sig, 0, 32);
    System.arraycopy(toLittleEndian(s, 32), 0, sig, 32, 32);
    return sig;
  }

  static byte[] sha512(byte[]... parts) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-512");
      for (byte[] p : parts) {
        md.update(p);
      }
      return md.digest();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static BigInteger littleEndian(byte[] le) {
    byte[] be = new byte[le.length + 1];
    for (int i = 0; i < le.length; i++) {
      be[le.length - i] = le[i];
    }
    return new BigInteger(be);
  }

  static byte[] toLittleEndian(BigInteger v, int len) {
    byte[] out = new byte[len];
    for (int i = 0; i < len; i++) {
      out[i] = v.shiftRight(8 * i).byteValue();
    }
    return out;
  }
}
