package io.astraea.ledger.jmt;

import io.astraea.crypto.CryptoHasher;
import io.astraea.crypto.HashValue;
import org.bouncycastle.crypto.digests.SHA3Digest;

/**
 * The same hash as a {@link CryptoHasher} ({@code sha3(prefix || bytes)}), for the tree's and the
 * accumulator's hot loops, which hash tens of thousands of 64-byte pairs per block. It reuses one
 * SHA3-256 digest per thread (finishing a hash resets it) and absorbs the 32-byte prefix each
 * time, instead of copying a pre-seeded digest per hash: prefix and pair still fit one Keccak
 * block, so this costs no extra permutation, while a digest copy cost more than the hash itself.
 */
public final class PrefixedHasher {
  private final byte[] prefix;
  private final ThreadLocal<SHA3Digest> digest = ThreadLocal.withInitial(() -> new SHA3Digest(256));

  public PrefixedHasher(CryptoHasher hasher) {
    this.prefix = hasher.prefix();
  }

  /** {@code hash(a || b)} under this hasher's domain. */
  public HashValue hashPair(HashValue a, HashValue b) {
    byte[] buf = new byte[prefix.length + 2 * HashValue.LENGTH];
    System.arraycopy(prefix, 0, buf, 0, prefix.length);
    a.copyTo(buf, prefix.length);
    b.copyTo(buf, prefix.length + HashValue.LENGTH);
    SHA3Digest d = digest.get();
    d.update(buf, 0, buf.length);
    return finish(d);
  }

  /** {@code hash(bytes)} under this hasher's domain. */
  public HashValue hash(byte[] bytes) {
    SHA3Digest d = digest.get();
    d.update(prefix, 0, prefix.length);
    d.update(bytes, 0, bytes.length);
    return finish(d);
  }

  private static HashValue finish(SHA3Digest d) {
    byte[] out = new byte[HashValue.LENGTH];
    d.doFinal(out, 0);
    return HashValue.wrap(out);
  }
}
