package io.astraea.crypto;

import io.astraea.crypto.bcs.BcsEncodable;
import io.astraea.crypto.bcs.BcsException;
import io.astraea.crypto.bcs.BcsReader;
import io.astraea.crypto.bcs.BcsWriter;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * A k-of-n MultiEd25519 public key: between 1 and {@value #MAX_KEYS} Ed25519 keys and a threshold
 * k with {@code 1 <= k <= n}. The association root, for instance, may be controlled by several
 * member institutions this way.
 *
 * <p>Byte layout (Diem's), BCS-encoded as one length-prefixed byte vector:
 *
 * <pre>
 * +----------+----------+-----+----------+-----------+
 * | key 0    | key 1    | ... | key n-1  | threshold |
 * | 32 bytes | 32 bytes |     | 32 bytes | 1 byte    |
 * +----------+----------+-----+----------+-----------+
 * </pre>
 *
 * Every key is validated as an {@link Ed25519PublicKey}. The authentication key is {@code
 * sha3_256(bytes || 0x01)}.
 */
public final class MultiEd25519PublicKey implements BcsEncodable {
  /** At most 32 keys, one per bit of a signature's bitmap. */
  public static final int MAX_KEYS = 32;

  private final List<Ed25519PublicKey> keys;
  private final int threshold;

  private MultiEd25519PublicKey(List<Ed25519PublicKey> keys, int threshold) {
    this.keys = keys;
    this.threshold = threshold;
  }

  /** A {@code threshold}-of-{@code keys.size()} key; the order of {@code keys} is significant. */
  public static MultiEd25519PublicKey of(List<Ed25519PublicKey> keys, int threshold)
      throws CryptoMaterialException {
    if (keys.isEmpty() || keys.size() > MAX_KEYS) {
      throw new CryptoMaterialException(
          "a MultiEd25519 key holds 1 to " + MAX_KEYS + " keys, got " + keys.size());
    }
    if (threshold < 1 || threshold > keys.size()) {
      throw new CryptoMaterialException(
          "MultiEd25519 threshold must be between 1 and " + keys.size() + ", got " + threshold);
    }
    return new MultiEd25519PublicKey(List.copyOf(keys), threshold);
  }

  /** Parses Diem's byte form: {@code n * 32} key bytes followed by the threshold byte. */
  public static MultiEd25519PublicKey fromBytes(byte[] bytes) throws CryptoMaterialException {
    int n = bytes.length / Ed25519PublicKey.LENGTH;
    if (bytes.length % Ed25519PublicKey.LENGTH != 1 || n < 1 || n > MAX_KEYS) {
      throw new CryptoMaterialException(
          "a MultiEd25519 public key is n * 32 + 1 bytes with 1 <= n <= "
              + MAX_KEYS
              + ", got "
              + bytes.length);
    }
    Ed25519PublicKey[] keys = new Ed25519PublicKey[n];
    for (int i = 0; i < n; i++) {
      byte[] k = Arrays.copyOfRange(bytes, i * 32, i * 32 + 32);
      try {
        keys[i] = Ed25519PublicKey.fromBytes(k);
      } catch (CryptoMaterialException e) {
        throw new CryptoMaterialException("MultiEd25519 key " + i + ": " + e.getMessage(), e);
      }
    }
    return of(List.of(keys), bytes[bytes.length - 1] & 0xff);
  }

  public static MultiEd25519PublicKey fromHex(String hex) throws CryptoMaterialException {
    return fromBytes(Hex.parse(hex, "MultiEd25519 public key"));
  }

  public static MultiEd25519PublicKey decode(BcsReader r) throws BcsException {
    int at = r.position();
    byte[] b = r.readBytes();
    try {
      return fromBytes(b);
    } catch (CryptoMaterialException e) {
      throw new BcsException(e.getMessage(), at);
    }
  }

  public List<Ed25519PublicKey> keys() {
    return keys;
  }

  public int threshold() {
    return threshold;
  }

  public int size() {
    return keys.size();
  }

  /** Diem's byte form: the keys concatenated, then the threshold byte. */
  public byte[] toBytes() {
    byte[] out = new byte[keys.size() * Ed25519PublicKey.LENGTH + 1];
    for (int i = 0; i < keys.size(); i++) {
      System.arraycopy(keys.get(i).toBytes(), 0, out, i * 32, 32);
    }
    out[out.length - 1] = (byte) threshold;
    return out;
  }

  public String toHex() {
    return HexFormat.of().formatHex(toBytes());
  }

  /**
   * Checks that {@code signature} carries at least {@link #threshold} valid signatures over
   * {@code message} by distinct keys of this key set.
   */
  public boolean verify(byte[] message, MultiEd25519Signature signature) {
    return signature.verify(message, this);
  }

  @Override
  public void serialize(BcsWriter w) {
    w.writeBytes(toBytes());
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof MultiEd25519PublicKey k && threshold == k.threshold && keys.equals(k.keys);
  }

  @Override
  public int hashCode() {
    return keys.hashCode() * 31 + threshold;
  }

  @Override
  public String toString() {
    return "MultiEd25519PublicKey(" + threshold + "-of-" + keys.size() + ")";
  }
}
