package io.astraea.crypto;

import static io.astraea.crypto.EdwardsReference.BASE;
import static io.astraea.crypto.EdwardsReference.L;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.astraea.crypto.EdwardsReference.Point;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.bouncycastle.math.ec.rfc8032.Ed25519;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Strict Ed25519: what BouncyCastle's RFC 8032 code already refuses, the gaps we fill (small-order
 * R and keys), and the policy for mixed-order keys. Points are built with an independent
 * {@link EdwardsReference} so these tests do not trust the code under test.
 */
class Ed25519StrictnessTest {
  private static final byte[] SEED =
      HexFormat.of().parseHex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60");
  private static final byte[] MESSAGE = "DIEM::strictness".getBytes(StandardCharsets.US_ASCII);

  private static Ed25519PrivateKey key;
  private static byte[] pk;
  /** The eight torsion points, derived here from scratch: [L]Q for curve points Q. */
  private static List<Point> torsion;

  @BeforeAll
  static void setUp() throws Exception {
    key = Ed25519PrivateKey.fromSeed(SEED);
    pk = key.publicKey().toBytes();
    torsion = torsionGroup();
  }

  /** Multiplies points by L until a point of order 8 appears, then takes its 8 multiples. */
  private static List<Point> torsionGroup() {
    for (int y = 2; ; y++) {
      Point q = EdwardsReference.decode(EdwardsReference.toLittleEndian(BigInteger.valueOf(y), 32));
      if (q == null) {
        continue;
      }
      Point t = EdwardsReference.mul(L, q);
      if (EdwardsReference.smallOrder(t) == 8) {
        List<Point> group = new ArrayList<>();
        Point m = EdwardsReference.IDENTITY;
        for (int i = 0; i < 8; i++) {
          group.add(m);
          m = EdwardsReference.add(m, t);
        }
        return group;
      }
    }
  }

  private static String hex(byte[] b) {
    return HexFormat.of().formatHex(b);
  }

  @Test
  void torsionGroupHasOnePointOfOrderOneOneOfOrderTwoTwoOfOrderFourFourOfOrderEight() {
    int[] counts = new int[9];
    Set<String> distinct = new TreeSet<>();
    for (Point p : torsion) {
      counts[EdwardsReference.smallOrder(p)]++;
      distinct.add(hex(EdwardsReference.encode(p)));
    }
    assertEquals(8, distinct.size());
    assertEquals(1, counts[1]);
    assertEquals(1, counts[2]);
    assertEquals(2, counts[4]);
    assertEquals(4, counts[8]);
  }

  @Test
  void smallOrderListIsExactlyTheTorsionGroupPlusSignFlippedZeroX() {
    Set<String> expected = new TreeSet<>();
    for (Point p : torsion) {
      byte[] enc = EdwardsReference.encode(p);
      expected.add(hex(enc));
      if (p.x().signum() == 0) {
        enc[31] |= (byte) 0x80;
        expected.add(hex(enc));
      }
    }
    Set<String> listed = new TreeSet<>();
    for (byte[] e : SmallOrder.encodings()) {
      listed.add(hex(e));
      Point p = EdwardsReference.decode(e);
      if (p == null) {
        // RFC 8032 decoding refuses x = 0 with the sign bit set; lenient decoders ignore the bit.
        byte[] cleared = e.clone();
        cleared[31] &= 0x7f;
        p = EdwardsReference.decode(cleared);
        assertNotNull(p, hex(e) + " is not on the curve");
        assertEquals(0, p.x().signum(), hex(e) + " has the sign bit set but x != 0");
      }
      assertTrue(EdwardsReference.smallOrder(p) > 0, hex(e) + " is not of small order");
    }
    assertEquals(expected, listed);
  }

  @Test
  void everySmallOrderPublicKeyIsRefused() {
    for (byte[] e : SmallOrder.encodings()) {
      assertThrows(CryptoMaterialException.class, () -> Ed25519PublicKey.fromBytes(e), hex(e));
    }
  }

  @Test
  void signatureWithSPlusLIsRejected() throws Exception {
    byte[] sig = key.sign(MESSAGE).toBytes();
    assertTrue(key.publicKey().verify(MESSAGE, Ed25519Signature.fromBytes(sig)));

    BigInteger s = EdwardsReference.littleEndian(java.util.Arrays.copyOfRange(sig, 32, 64));
    byte[] malleated = sig.clone();
    System.arraycopy(EdwardsReference.toLittleEndian(s.add(L), 32), 0, malleated, 32, 32);
    assertFalse(key.publicKey().verify(MESSAGE, Ed25519Signature.fromBytes(malleated)));

    // S = L itself (the smallest unreduced scalar) is also refused.
    byte[] atL = sig.clone();
    System.arraycopy(EdwardsReference.toLittleEndian(L, 32), 0, atL, 32, 32);
    assertFalse(key.publicKey().verify(MESSAGE, Ed25519Signature.fromBytes(atL)));
  }

  @Test
  void smallOrderRIsRejectedAlthoughTheCofactoredEquationHolds() throws Exception {
    for (Point t : torsion) {
      byte[] r = EdwardsReference.encode(t);
      // S = k * a: [S]B - [k]A = O, so [8]([S]B - [k]A - R) = O for every small-order R.
      byte[] sig = EdwardsReference.signWithR(SEED, pk, r, BigInteger.ZERO, MESSAGE);
      assertTrue(
          Ed25519.verify(sig, 0, pk, 0, MESSAGE, 0, MESSAGE.length),
          "the library alone accepts R = " + hex(r) + ", so the blocklist is what refuses it");
      assertFalse(key.publicKey().verify(MESSAGE, Ed25519Signature.fromBytes(sig)), hex(r));
    }
  }

  @Test
  void nonCanonicalREncodingIsRejected() throws Exception {
    // y = p + 1 encodes the identity and y = p encodes a point of order 4, both non-canonically;
    // the same construction with a canonical R is accepted by the equation (test above).
    for (int y = 0; y <= 1; y++) {
      for (int sign = 0; sign <= 1; sign++) {
        byte[] r = EdwardsReference.nonCanonical(BigInteger.valueOf(y), sign);
        byte[] sig = EdwardsReference.signWithR(SEED, pk, r, BigInteger.ZERO, MESSAGE);
        assertFalse(key.publicKey().verify(MESSAGE, Ed25519Signature.fromBytes(sig)), hex(r));
      }
    }
    // Non-canonical encodings of points of large order are refused too.
    for (int y = 2; y < 19; y++) {
      byte[] r = EdwardsReference.nonCanonical(BigInteger.valueOf(y), 0);
      if (EdwardsReference.decode(r) != null) {
        byte[] sig = EdwardsReference.signWithR(SEED, pk, r, BigInteger.ONE, MESSAGE);
        assertFalse(key.publicKey().verify(MESSAGE, Ed25519Signature.fromBytes(sig)), hex(r));
      }
    }
  }

  @Test
  void nonCanonicalPublicKeysAreRefusedWhileTheirCanonicalFormIsAccepted() throws Exception {
    int onCurve = 0;
    for (int y = 0; y < 19; y++) {
      for (int sign = 0; sign <= 1; sign++) {
        byte[] enc = EdwardsReference.nonCanonical(BigInteger.valueOf(y), sign);
        assertThrows(CryptoMaterialException.class, () -> Ed25519PublicKey.fromBytes(enc), hex(enc));
        Point p = EdwardsReference.decode(enc);
        if (p != null && EdwardsReference.smallOrder(p) == 0 && (p.x().signum() != 0 || sign == 0)) {
          onCurve++;
          byte[] canonical = EdwardsReference.encode(p);
          assertArrayEquals(canonical, Ed25519PublicKey.fromBytes(canonical).toBytes());
        }
      }
    }
    assertTrue(onCurve > 0, "some y < 19 must be on the curve for this test to mean anything");
  }

  @Test
  void pointsOffTheCurveAreRefused() throws Exception {
    int off = 0;
    for (int y = 2; y < 40; y++) {
      byte[] enc = EdwardsReference.toLittleEndian(BigInteger.valueOf(y), 32);
      if (EdwardsReference.decode(enc) == null) {
        off++;
        assertThrows(CryptoMaterialException.class, () -> Ed25519PublicKey.fromBytes(enc), hex(enc));
        byte[] sig = EdwardsReference.signWithR(SEED, pk, enc, BigInteger.ONE, MESSAGE);
        assertFalse(key.publicKey().verify(MESSAGE, Ed25519Signature.fromBytes(sig)), "R off the curve");
      }
    }
    assertTrue(off > 0);
  }

  @Test
  void wrongLengthsAreRefused() {
    assertThrows(CryptoMaterialException.class, () -> Ed25519PublicKey.fromBytes(new byte[31]));
    assertThrows(CryptoMaterialException.class, () -> Ed25519PublicKey.fromBytes(new byte[33]));
    assertThrows(CryptoMaterialException.class, () -> Ed25519Signature.fromBytes(new byte[63]));
    assertThrows(CryptoMaterialException.class, () -> Ed25519PrivateKey.fromSeed(new byte[31]));
    assertThrows(CryptoMaterialException.class, () -> Ed25519PublicKey.fromHex("zz"));
  }

  @Test
  void mixedOrderPublicKeyIsAcceptedLikeDiem() throws Exception {
    Point a = EdwardsReference.decode(pk);
    assertArrayEquals(pk, EdwardsReference.encode(EdwardsReference.mul(EdwardsReference.secretScalar(SEED), BASE)));
    for (Point t : torsion) {
      if (t.isIdentity()) {
        continue;
      }
      byte[] mixed = EdwardsReference.encode(EdwardsReference.add(a, t));
      Ed25519PublicKey accepted = Ed25519PublicKey.fromBytes(mixed);
      assertArrayEquals(mixed, accepted.toBytes());
      // A genuine signature by the prime-order key does not carry over to the mixed-order key.
      assertFalse(accepted.verify(MESSAGE, key.sign(MESSAGE)));
    }
  }

  @Test
  void verificationIsCofactoredForTorsionInR() throws Exception {
    // R = [r]B + T with a valid S = r + k*a: the cofactored equation holds. Diem's cofactorless
    // check would refuse it; only the key holder can build such a signature (k depends on R).
    BigInteger r = BigInteger.valueOf(123456789);
    Point order2 = torsion.stream().filter(p -> EdwardsReference.smallOrder(p) == 2).findFirst().orElseThrow();
    byte[] rEnc = EdwardsReference.encode(EdwardsReference.add(EdwardsReference.mul(r, BASE), order2));
    byte[] sig = EdwardsReference.signWithR(SEED, pk, rEnc, r, MESSAGE);
    assertTrue(key.publicKey().verify(MESSAGE, Ed25519Signature.fromBytes(sig)));

    byte[] honest = EdwardsReference.encode(EdwardsReference.mul(r, BASE));
    byte[] honestSig = EdwardsReference.signWithR(SEED, pk, honest, r, MESSAGE);
    assertTrue(key.publicKey().verify(MESSAGE, Ed25519Signature.fromBytes(honestSig)));
  }

  @Test
  void signaturesAreDeterministicAndBoundToKeyAndMessage() throws Exception {
    Ed25519PrivateKey other = Ed25519PrivateKey.fromSeed(new byte[32]);
    Ed25519Signature sig = key.sign(MESSAGE);
    assertEquals(sig, key.sign(MESSAGE));
    assertFalse(other.publicKey().verify(MESSAGE, sig));
    byte[] tampered = sig.toBytes();
    tampered[5] ^= 0x10;
    assertFalse(key.publicKey().verify(MESSAGE, Ed25519Signature.fromBytes(tampered)));
    assertTrue(Ed25519PrivateKey.generate().toString().startsWith("Ed25519PrivateKey(public="));
  }
}
