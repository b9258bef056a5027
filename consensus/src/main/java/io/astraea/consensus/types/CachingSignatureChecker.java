package io.astraea.consensus.types;

import io.astraea.crypto.AccountAddress;
import io.astraea.crypto.Ed25519Signature;
import io.astraea.crypto.HashValue;
import io.astraea.crypto.Sha3;
import io.astraea.crypto.quorum.ValidatorVerifier;
import io.astraea.crypto.quorum.VerifyException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Remembers what already verified, so a certificate repeated in every sync info is checked once:
 * whole certificates (by value, together with the validator set they verified against) and
 * single signatures (by signer key, message digest and signature). Only successes are cached; a
 * failure is always rechecked. Bounded, least recently used entries go first. Not thread-safe:
 * it belongs to the thread that owns consensus state.
 */
public final class CachingSignatureChecker implements SignatureChecker {
  private final SignatureChecker inner;
  private final Map<HashValue, Boolean> verified;
  private final Map<Object, ValidatorVerifier> certificates;
  private final boolean cacheSignatures;

  /** Caches up to {@code capacity} signatures and as many certificates. */
  public CachingSignatureChecker(SignatureChecker inner, int capacity) {
    this(inner, capacity, capacity);
  }

  /**
   * @param signatureCapacity signatures to remember; 0 when the inner check is cheaper than
   *     hashing the message for the cache key
   * @param certificateCapacity whole certificates to remember
   */
  public CachingSignatureChecker(
      SignatureChecker inner, int signatureCapacity, int certificateCapacity) {
    if (signatureCapacity < 0 || certificateCapacity <= 0) {
      throw new IllegalArgumentException("invalid cache capacity");
    }
    this.inner = inner;
    this.cacheSignatures = signatureCapacity > 0;
    this.verified = lru(signatureCapacity);
    this.certificates = lru(certificateCapacity);
  }

  private static <K, V> Map<K, V> lru(int capacity) {
    return new LinkedHashMap<>(16, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
        return size() > capacity;
      }
    };
  }

  @Override
  public boolean isVerified(ValidatorVerifier verifier, Object certificate) {
    return certificates.get(certificate) == verifier;
  }

  @Override
  public void recordVerified(ValidatorVerifier verifier, Object certificate) {
    certificates.put(certificate, verifier);
  }

  @Override
  public void verify(
      ValidatorVerifier verifier, AccountAddress author, byte[] message, Ed25519Signature signature)
      throws VerifyException {
    if (!cacheSignatures) {
      inner.verify(verifier, author, message, signature);
      return;
    }
    byte[] key =
        verifier.publicKey(author).map(k -> k.toBytes()).orElse(author.toBytes());
    HashValue id = Sha3.hash(key, Sha3.hash(message).toBytes(), signature.toBytes());
    if (verified.containsKey(id)) {
      return;
    }
    inner.verify(verifier, author, message, signature);
    verified.put(id, Boolean.TRUE);
  }

  public int size() {
    return verified.size();
  }
}
