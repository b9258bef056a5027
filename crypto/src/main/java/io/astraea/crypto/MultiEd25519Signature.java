package io.astraea.crypto;

import io.astraea.crypto.bcs.BcsEncodable;
import io.astraea.crypto.bcs.BcsException;
import io.astraea.crypto.bcs.BcsReader;
import io.astraea.crypto.bcs.BcsWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A MultiEd25519 signature: some of the n keys of a {@link MultiEd25519PublicKey} signed the same
 * message, and a bitmap says which.
 *
 * <p>Byte layout (Diem's), BCS-encoded as one length-prefixed byte vector:
 *
 * <pre>
 * +----------------+----------------+-----+-----------------------+
 * | signature 0    | signature 1    | ... | bitmap                |
 * | 64 bytes       | 64 bytes       |     | 4 bytes               |
 * +----------------+----------------+-----+-----------------------+
 * bitmap: bit i, counted from the most significant bit of byte 0, set = key i signed.
 * signatures appear in increasing key index order, one per set bit.
 * </pre>
 *
 * <p>Parsing checks the shape (1 to 32 signatures, as many as set bits); {@link #verify} checks the
 * rest against a key: no bit at or above the key count, at least {@code threshold} signers, every
 * signature valid under its key.
 */
public final class MultiEd25519Signature implements BcsEncodable {
  /** The bitmap is 4 bytes: one bit per possible key. */
  public static final int BITMAP_LENGTH = 4;

  private final List<Ed25519Signature> signatures;
  private final int bitmap;

  private MultiEd25519Signature(List<Ed25519Signature> signatures, int bitmap) {
    this.signatures = signatures;
    this.bitmap = bitmap;
  }

  /**
   * Assembles the signatures of individual signers, keyed by their index in the key set (0 to
   * 31). This is how the holders of a k-of-n key combine their shares.
   */
  public static MultiEd25519Signature assemble(Map<Integer, Ed25519Signature> byKeyIndex)
      throws CryptoMaterialException {
    if (byKeyIndex.isEmpty()) {
      throw new CryptoMaterialException("a MultiEd25519 signature needs at least one signature");
    }
    SortedMap<Integer, Ed25519Signature> sorted = new TreeMap<>(byKeyIndex);
    int bitmap = 0;
    for (int index : sorted.keySet()) {
      if (index < 0 || index >= MultiEd25519PublicKey.MAX_KEYS) {
        throw new CryptoMaterialException("signer index must be 0 to 31, got " + index);
      }
      bitmap |= 1 << (31 - index);
    }
    return new MultiEd25519Signature(List.copyOf(sorted.values()), bitmap);
  }

  /** Signs {@code message} with each given key, keyed by its index in the key set. */
  public static MultiEd25519Signature sign(byte[] message, Map<Integer, Ed25519PrivateKey> signers)
      throws CryptoMaterialException {
    Map<Integer, Ed25519Signature> parts = new TreeMap<>();
    for (Map.Entry<Integer, Ed25519PrivateKey> e : signers.entrySet()) {
      parts.put(e.getKey(), e.getValue().sign(message));
    }
    return assemble(parts);
  }

  /** Parses Diem's byte form: {@code m * 64} signature bytes, then the 4-byte bitmap. */
  public static MultiEd25519Signature fromBytes(byte[] bytes) throws CryptoMaterialException {
    int m = bytes.length / Ed25519Signature.LENGTH;
    if (bytes.length % Ed25519Signature.LENGTH != BITMAP_LENGTH
        || m < 1
        || m > MultiEd25519PublicKey.MAX_KEYS) {
      throw new CryptoMaterialException(
          "a MultiEd25519 signature is m * 64 + 4 bytes with 1 <= m <= 32, got " + bytes.length);
    }
    int at = bytes.length - BITMAP_LENGTH;
    int bitmap =
        (bytes[at] & 0xff) << 24
            | (bytes[at + 1] & 0xff) << 16
            | (bytes[at + 2] & 0xff) << 8
            | (bytes[at + 3] & 0xff);
    if (Integer.bitCount(bitmap) != m) {
      throw new CryptoMaterialException(
          "MultiEd25519 bitmap has " + Integer.bitCount(bitmap) + " bits set for " + m + " signatures");
    }
    List<Ed25519Signature> sigs = new ArrayList<>(m);
    for (int i = 0; i < m; i++) {
      sigs.add(Ed25519Signature.fromBytes(Arrays.copyOfRange(bytes, i * 64, i * 64 + 64)));
    }
    return new MultiEd25519Signature(List.copyOf(sigs), bitmap);
  }

  public static MultiEd25519Signature decode(BcsReader r) throws BcsException {
    int at = r.position();
    byte[] b = r.readBytes();
    try {
      return fromBytes(b);
    } catch (CryptoMaterialException e) {
      throw new BcsException(e.getMessage(), at);
    }
  }

  /** The signatures in increasing signer index order. */
  public List<Ed25519Signature> signatures() {
    return signatures;
  }

  /** The signer indices in increasing order. */
  public List<Integer> signerIndices() {
    List<Integer> out = new ArrayList<>(signatures.size());
    for (int i = 0; i < MultiEd25519PublicKey.MAX_KEYS; i++) {
      if (signedBy(i)) {
        out.add(i);
      }
    }
    return out;
  }

  /** Whether the bitmap says key {@code index} signed. */
  public boolean signedBy(int index) {
    return index >= 0 && index < 32 && (bitmap >>> (31 - index) & 1) == 1;
  }

  /** The 4 bitmap bytes. */
  public byte[] bitmap() {
    return new byte[] {(byte) (bitmap >>> 24), (byte) (bitmap >>> 16), (byte) (bitmap >>> 8), (byte) bitmap};
  }

  /**
   * Checks this signature over {@code message} against {@code key}, saying why it fails: a
   * signer index the key does not have, fewer signers than the threshold, or an invalid
   * individual signature.
   */
  public void check(byte[] message, MultiEd25519PublicKey key) throws CryptoMaterialException {
    int highest = 31 - Integer.numberOfTrailingZeros(bitmap);
    if (highest >= key.size()) {
      throw new CryptoMaterialException(
          "signer index " + highest + " is out of range for " + key.size() + " keys");
    }
    if (signatures.size() < key.threshold()) {
      throw new CryptoMaterialException(
          signatures.size() + " signatures do not reach the threshold of " + key.threshold());
    }
    int s = 0;
    for (int index = 0; index <= highest; index++) {
      if (signedBy(index)) {
        if (!key.keys().get(index).verify(message, signatures.get(s))) {
          throw new CryptoMaterialException("signature of key " + index + " is invalid");
        }
        s++;
      }
    }
  }

  /** Whether {@link #check} passes. */
  public boolean verify(byte[] message, MultiEd25519PublicKey key) {
    try {
      check(message, key);
      return true;
    } catch (CryptoMaterialException e) {
      return false;
    }
  }

  /** Diem's byte form: the signatures concatenated, then the bitmap. */
  public byte[] toBytes() {
    byte[] out = new byte[signatures.size() * Ed25519Signature.LENGTH + BITMAP_LENGTH];
    for (int i = 0; i < signatures.size(); i++) {
      System.arraycopy(signatures.get(i).raw(), 0, out, i * 64, 64);
    }
    System.arraycopy(bitmap(), 0, out, out.length - BITMAP_LENGTH, BITMAP_LENGTH);
    return out;
  }

  public String toHex() {
    return HexFormat.of().formatHex(toBytes());
  }

  @Override
  public void serialize(BcsWriter w) {
    w.writeBytes(toBytes());
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof MultiEd25519Signature s && bitmap == s.bitmap && signatures.equals(s.signatures);
  }

  @Override
  public int hashCode() {
    return signatures.hashCode() * 31 + bitmap;
  }

  @Override
  public String toString() {
    return "MultiEd25519Signature(signers=" + signerIndices() + ")";
  }
}
