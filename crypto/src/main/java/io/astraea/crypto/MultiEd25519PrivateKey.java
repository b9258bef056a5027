package io.astraea.crypto;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The private keys behind a {@link MultiEd25519PublicKey}, held in one place: for tests, local
 * testnets and tools. On a real network each member holds only its own key and signs its share
 * with {@link Ed25519PrivateKey#sign}; the shares are combined with {@link
 * MultiEd25519Signature#assemble}. Never printed: {@link #toString} shows only the public key.
 */
public final class MultiEd25519PrivateKey {
  private final List<Ed25519PrivateKey> keys;
  private final MultiEd25519PublicKey publicKey;

  private MultiEd25519PrivateKey(List<Ed25519PrivateKey> keys, MultiEd25519PublicKey publicKey) {
    this.keys = keys;
    this.publicKey = publicKey;
  }

  /** A {@code threshold}-of-{@code keys.size()} key; key order fixes the signer indices. */
  public static MultiEd25519PrivateKey of(List<Ed25519PrivateKey> keys, int threshold)
      throws CryptoMaterialException {
    List<Ed25519PublicKey> pubs = new ArrayList<>(keys.size());
    for (Ed25519PrivateKey k : keys) {
      pubs.add(k.publicKey());
    }
    return new MultiEd25519PrivateKey(List.copyOf(keys), MultiEd25519PublicKey.of(pubs, threshold));
  }

  public MultiEd25519PublicKey publicKey() {
    return publicKey;
  }

  public List<Ed25519PrivateKey> keys() {
    return keys;
  }

  /** Signs with the first {@code threshold} keys: the smallest signature the key accepts. */
  public MultiEd25519Signature sign(byte[] message) {
    List<Integer> first = new ArrayList<>();
    for (int i = 0; i < publicKey.threshold(); i++) {
      first.add(i);
    }
    try {
      return sign(message, first);
    } catch (CryptoMaterialException e) {
      throw new IllegalStateException("threshold signers are always valid indices", e);
    }
  }

  /** Signs with the keys at the given indices. */
  public MultiEd25519Signature sign(byte[] message, List<Integer> signerIndices)
      throws CryptoMaterialException {
    Map<Integer, Ed25519PrivateKey> signers = new TreeMap<>();
    for (int i : signerIndices) {
      if (i < 0 || i >= keys.size()) {
        throw new CryptoMaterialException("no key at index " + i + " of " + keys.size());
      }
      signers.put(i, keys.get(i));
    }
    return MultiEd25519Signature.sign(message, signers);
  }

  @Override
  public String toString() {
    return "MultiEd25519PrivateKey(public=" + publicKey + ")";
  }
}
