package io.astraea.crypto;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.ConcurrentHashMap;
import org.bouncycastle.crypto.digests.SHA3Digest;

/**
 * Diem's domain-separated hasher: {@code hash(T) = sha3_256(sha3_256("DIEM::" + T) || bcs(value))}.
 *
 * <p>The same 32-byte prefix precedes the BCS bytes of every signed message, so a signature over
 * one type can never be replayed as a signature over another.
 */
public final class CryptoHasher {
  /** Diem's salt for every type name. */
  public static final String DOMAIN = "DIEM::";

  private static final ConcurrentHashMap<String, CryptoHasher> CACHE = new ConcurrentHashMap<>();

  /**
   * One SHA3-256 digest per thread, reused by every hasher (finishing a hash resets it). Copying
   * or allocating a digest per hash costs more than hashing a 64-byte pair; absorbing the 32-byte
   * prefix each time costs no extra Keccak permutation for inputs that share its block.
   */
  private static final ThreadLocal<SHA3Digest> DIGEST = ThreadLocal.withInitial(() -> new SHA3Digest(256));

  private final String typeName;
  private final byte[] prefix;

  private CryptoHasher(String typeName) {
    this.typeName = typeName;
    this.prefix = Sha3.hash((DOMAIN + typeName).getBytes(StandardCharsets.UTF_8)).toBytes();
  }

  /** The hasher for a Diem type name such as {@code RawTransaction} or {@code LedgerInfo}. */
  public static CryptoHasher forType(String typeName) {
    return CACHE.computeIfAbsent(typeName, CryptoHasher::new);
  }

  public String typeName() {
    return typeName;
  }

  /** {@code sha3_256("DIEM::" + typeName)}, the 32-byte salt. */
  public byte[] prefix() {
    return prefix.clone();
  }

  /** The hash of a value whose BCS encoding is {@code bcs}. */
  public HashValue hash(byte[] bcs) {
    SHA3Digest d = DIGEST.get();
    d.update(prefix, 0, prefix.length);
    d.update(bcs, 0, bcs.length);
    return finish(d);
  }

  /**
   * {@code hash(left || right)}: the Merkle node hash of the Jellyfish tree and the accumulators,
   * their hottest loop.
   */
  public HashValue hashPair(HashValue left, HashValue right) {
    byte[] buf = new byte[prefix.length + 2 * HashValue.LENGTH];
    System.arraycopy(prefix, 0, buf, 0, prefix.length);
    left.copyTo(buf, prefix.length);
    right.copyTo(buf, prefix.length + HashValue.LENGTH);
    SHA3Digest d = DIGEST.get();
    d.update(buf, 0, buf.length);
    return finish(d);
  }

  private static HashValue finish(SHA3Digest d) {
    byte[] out = new byte[HashValue.LENGTH];
    d.doFinal(out, 0);
    return HashValue.adopt(out);
  }

  /** A running hash that already holds the prefix; append the value's bytes, then finish. */
  public Sha3.Builder builder() {
    SHA3Digest d = new SHA3Digest(256);
    d.update(prefix, 0, prefix.length);
    return new Sha3.Builder(d);
  }

  /** The bytes a signature covers: {@code prefix || bcs}. */
  public byte[] signingMessage(byte[] bcs) {
    byte[] msg = new byte[prefix.length + bcs.length];
    System.arraycopy(prefix, 0, msg, 0, prefix.length);
    System.arraycopy(bcs, 0, msg, prefix.length, bcs.length);
    return msg;
  }
}
