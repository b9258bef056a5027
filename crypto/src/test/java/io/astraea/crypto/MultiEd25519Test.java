package io.astraea.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.astraea.crypto.bcs.BcsException;
import io.astraea.crypto.bcs.BcsReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class MultiEd25519Test {
  private static final byte[] MESSAGE = "a 2-of-3 payment".getBytes(StandardCharsets.UTF_8);
  private static List<Ed25519PrivateKey> keys;
  private static MultiEd25519PrivateKey twoOfThree;

  @BeforeAll
  static void setUp() throws Exception {
    keys = new ArrayList<>();
    for (int i = 0; i < 32; i++) {
      byte[] seed = new byte[32];
      seed[0] = (byte) (i + 1);
      keys.add(Ed25519PrivateKey.fromSeed(seed));
    }
    twoOfThree = MultiEd25519PrivateKey.of(keys.subList(0, 3), 2);
  }

  private static MultiEd25519PublicKey pub() {
    return twoOfThree.publicKey();
  }

  @Test
  void publicKeyBytesAreKeysThenThreshold() throws Exception {
    byte[] b = pub().toBytes();
    assertEquals(3 * 32 + 1, b.length);
    for (int i = 0; i < 3; i++) {
      assertArrayEquals(keys.get(i).publicKey().toBytes(), Arrays.copyOfRange(b, i * 32, i * 32 + 32));
    }
    assertEquals(2, b[96]);
    assertEquals(pub(), MultiEd25519PublicKey.fromBytes(b));
    assertEquals(pub(), MultiEd25519PublicKey.fromHex("0x" + pub().toHex()));
    // BCS: a newtype over bytes, so a ULEB128 length (97) then the bytes.
    byte[] bcs = pub().toBcs();
    assertEquals(97, bcs[0]);
    assertArrayEquals(b, Arrays.copyOfRange(bcs, 1, bcs.length));
    assertEquals(pub(), BcsReader.decode(bcs, MultiEd25519PublicKey::decode));
  }

  @Test
  void authenticationKeyUsesSchemeOne() {
    byte[] withScheme = Arrays.copyOf(pub().toBytes(), 98);
    withScheme[97] = 1;
    AuthenticationKey expected = AuthenticationKey.fromScheme(pub().toBytes(), (byte) 1);
    assertEquals(Sha3.hash(withScheme).toHex(), expected.toHex());
    assertEquals(expected, AuthenticationKey.multiEd25519(pub()));
    assertEquals(expected.derivedAddress().toHex(), expected.toHex().substring(32));
    // Not the same as treating the bytes as scheme 0.
    assertFalse(expected.equals(AuthenticationKey.fromScheme(pub().toBytes(), (byte) 0)));
  }

  @Test
  void signatureLayoutIsSignaturesInIndexOrderThenMsbFirstBitmap() throws Exception {
    MultiEd25519Signature sig = twoOfThree.sign(MESSAGE, List.of(2, 0));
    byte[] b = sig.toBytes();
    assertEquals(2 * 64 + 4, b.length);
    assertArrayEquals(keys.get(0).sign(MESSAGE).toBytes(), Arrays.copyOfRange(b, 0, 64));
    assertArrayEquals(keys.get(2).sign(MESSAGE).toBytes(), Arrays.copyOfRange(b, 64, 128));
    // keys 0 and 2: bits 0 and 2 from the most significant bit of byte 0 = 1010_0000.
    assertEquals("a0000000", HexFormat.of().formatHex(Arrays.copyOfRange(b, 128, 132)));
    assertEquals(List.of(0, 2), sig.signerIndices());
    assertEquals(sig, MultiEd25519Signature.fromBytes(b));
    assertEquals(sig, BcsReader.decode(sig.toBcs(), MultiEd25519Signature::decode));
    assertTrue(pub().verify(MESSAGE, sig));
  }

  @Test
  void bitmapBitForKey31IsLeastSignificantBitOfLastByte() throws Exception {
    MultiEd25519PrivateKey all = MultiEd25519PrivateKey.of(keys, 32);
    MultiEd25519Signature sig = all.sign(MESSAGE, List.of(8, 31));
    assertEquals("00800001", HexFormat.of().formatHex(sig.bitmap()));
    MultiEd25519PrivateKey oneOf32 = MultiEd25519PrivateKey.of(keys, 1);
    assertTrue(oneOf32.publicKey().verify(MESSAGE, sig));
    MultiEd25519Signature full = all.sign(MESSAGE);
    assertEquals("ffffffff", HexFormat.of().formatHex(full.bitmap()));
    assertTrue(all.publicKey().verify(MESSAGE, full));
  }

  @Test
  void thresholdMustBeReached() throws Exception {
    MultiEd25519Signature one = twoOfThree.sign(MESSAGE, List.of(1));
    assertFalse(pub().verify(MESSAGE, one));
    CryptoMaterialException e =
        assertThrows(CryptoMaterialException.class, () -> one.check(MESSAGE, pub()));
    assertTrue(e.getMessage().contains("threshold"), e.getMessage());
    assertTrue(pub().verify(MESSAGE, twoOfThree.sign(MESSAGE)));
    assertTrue(pub().verify(MESSAGE, twoOfThree.sign(MESSAGE, List.of(0, 1, 2))));
  }

  @Test
  void bitsAtOrAboveTheKeyCountAreRejected() throws Exception {
    // Key 3 does not exist in a 3-key set, even if the signature under it is fine.
    Map<Integer, Ed25519Signature> parts = new TreeMap<>();
    parts.put(0, keys.get(0).sign(MESSAGE));
    parts.put(1, keys.get(1).sign(MESSAGE));
    parts.put(3, keys.get(3).sign(MESSAGE));
    MultiEd25519Signature sig = MultiEd25519Signature.assemble(parts);
    CryptoMaterialException e =
        assertThrows(CryptoMaterialException.class, () -> sig.check(MESSAGE, pub()));
    assertTrue(e.getMessage().contains("out of range"), e.getMessage());
  }

  @Test
  void everySignatureMustVerifyUnderItsOwnKey() throws Exception {
    // Right signatures, swapped positions: key 0's signature presented as key 1's.
    Map<Integer, Ed25519Signature> swapped = new TreeMap<>();
    swapped.put(0, keys.get(1).sign(MESSAGE));
    swapped.put(1, keys.get(0).sign(MESSAGE));
    assertFalse(pub().verify(MESSAGE, MultiEd25519Signature.assemble(swapped)));
    // Two signers reach the threshold, but one signed another message.
    Map<Integer, Ed25519Signature> mixed = new TreeMap<>();
    mixed.put(0, keys.get(0).sign(MESSAGE));
    mixed.put(2, keys.get(2).sign("other".getBytes(StandardCharsets.UTF_8)));
    assertFalse(pub().verify(MESSAGE, MultiEd25519Signature.assemble(mixed)));
    assertFalse(pub().verify("other".getBytes(StandardCharsets.UTF_8), twoOfThree.sign(MESSAGE)));
  }

  @Test
  void malformedPublicKeysAreRefused() throws Exception {
    byte[] good = pub().toBytes();
    // Length not n * 32 + 1.
    assertThrows(CryptoMaterialException.class, () -> MultiEd25519PublicKey.fromBytes(new byte[0]));
    assertThrows(CryptoMaterialException.class, () -> MultiEd25519PublicKey.fromBytes(new byte[1]));
    assertThrows(CryptoMaterialException.class, () -> MultiEd25519PublicKey.fromBytes(Arrays.copyOf(good, 96)));
    assertThrows(CryptoMaterialException.class, () -> MultiEd25519PublicKey.fromBytes(Arrays.copyOf(good, 98)));
    // Threshold 0 or above n.
    byte[] zero = good.clone();
    zero[96] = 0;
    assertThrows(CryptoMaterialException.class, () -> MultiEd25519PublicKey.fromBytes(zero));
    byte[] four = good.clone();
    four[96] = 4;
    assertThrows(CryptoMaterialException.class, () -> MultiEd25519PublicKey.fromBytes(four));
    // 33 keys.
    assertThrows(CryptoMaterialException.class, () -> MultiEd25519PublicKey.fromBytes(new byte[33 * 32 + 1]));
    List<Ed25519PublicKey> pubs33 = new ArrayList<>();
    for (int i = 0; i < 33; i++) {
      pubs33.add(keys.get(i % 32).publicKey());
    }
    assertThrows(CryptoMaterialException.class, () -> MultiEd25519PublicKey.of(pubs33, 1));
    assertThrows(CryptoMaterialException.class, () -> MultiEd25519PublicKey.of(List.of(), 1));
    // A small-order member key.
    byte[] smallOrder = good.clone();
    Arrays.fill(smallOrder, 32, 64, (byte) 0);
    smallOrder[32] = 1;
    assertThrows(CryptoMaterialException.class, () -> MultiEd25519PublicKey.fromBytes(smallOrder));
    // As BCS, the typed decoding error.
    byte[] bcs = prepend((byte) zero.length, zero);
    BcsException e = assertThrows(BcsException.class, () -> BcsReader.decode(bcs, MultiEd25519PublicKey::decode));
    assertEquals(0, e.offset());
  }

  @Test
  void malformedSignaturesAreRefused() throws Exception {
    byte[] good = twoOfThree.sign(MESSAGE).toBytes();
    assertThrows(CryptoMaterialException.class, () -> MultiEd25519Signature.fromBytes(new byte[4]));
    assertThrows(CryptoMaterialException.class, () -> MultiEd25519Signature.fromBytes(Arrays.copyOf(good, 131)));
    assertThrows(CryptoMaterialException.class, () -> MultiEd25519Signature.fromBytes(Arrays.copyOf(good, 133)));
    assertThrows(CryptoMaterialException.class, () -> MultiEd25519Signature.fromBytes(new byte[33 * 64 + 4]));
    // Bitmap with three bits for two signatures, and with one bit for two.
    byte[] threeBits = good.clone();
    threeBits[128] = (byte) 0xe0;
    assertThrows(CryptoMaterialException.class, () -> MultiEd25519Signature.fromBytes(threeBits));
    byte[] oneBit = good.clone();
    oneBit[128] = (byte) 0x80;
    assertThrows(CryptoMaterialException.class, () -> MultiEd25519Signature.fromBytes(oneBit));
    // Signer indices outside 0..31 cannot be assembled.
    assertThrows(CryptoMaterialException.class,
        () -> MultiEd25519Signature.assemble(Map.of(32, keys.get(0).sign(MESSAGE))));
    assertThrows(CryptoMaterialException.class, () -> MultiEd25519Signature.assemble(Map.of()));
    assertThrows(CryptoMaterialException.class, () -> twoOfThree.sign(MESSAGE, List.of(0, 3)));
    // A bitmap moved to other bits with the same count parses, but no longer verifies.
    byte[] moved = good.clone();
    moved[128] = (byte) 0x60;
    assertFalse(pub().verify(MESSAGE, MultiEd25519Signature.fromBytes(moved)));
  }

  private static byte[] prepend(byte first, byte[] rest) {
    byte[] out = new byte[rest.length + 1];
    out[0] = first;
    System.arraycopy(rest, 0, out, 1, rest.length);
    return out;
  }
}
