package io.astraea.crypto;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Public keys recently decoded from the wire, by their bytes. A validator decodes every
 * transaction at least twice: once when its mempool admits it, once more in each block payload
 * that carries it (and every validator executes every block). Decoding a key decompresses a curve
 * point, a field exponentiation that costs more than the rest of the transaction's decoding; the
 * result depends on the 32 bytes only, and keys are immutable, so a key decoded once is reused.
 * Only valid keys are kept; invalid bytes are refused again every time. Bounded, least recently
 * used first out; thread-safe.
 */
final class DecodedKeyCache {
  /** About a mempool's worth of distinct senders; some hundreds of bytes each. */
  static final int CAPACITY = 16_384;

  private record KeyBytes(byte[] bytes) {
    @Override
    public boolean equals(Object o) {
      return o instanceof KeyBytes k && Arrays.equals(k.bytes, bytes);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(bytes);
    }
  }

  private final Map<KeyBytes, Ed25519PublicKey> keys;

  DecodedKeyCache(int capacity) {
    this.keys = new LinkedHashMap<>(capacity * 4 / 3 + 1, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<KeyBytes, Ed25519PublicKey> eldest) {
        return size() > capacity;
      }
    };
  }

  /** The key for {@code bytes}, decoded and validated only if not seen recently. */
  Ed25519PublicKey get(byte[] bytes) throws CryptoMaterialException {
    KeyBytes k = new KeyBytes(bytes);
    synchronized (this) {
      Ed25519PublicKey cached = keys.get(k);
      if (cached != null) {
        return cached;
      }
    }
    Ed25519PublicKey decoded = Ed25519PublicKey.fromBytes(bytes);
    synchronized (this) {
      keys.put(new KeyBytes(bytes.clone()), decoded);
    }
    return decoded;
  }

  synchronized int size() {
    return keys.size();
  }
}
