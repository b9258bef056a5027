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

  private final String typeName;
  private final byte[] prefix;
  /** A digest that has already absorbed the prefix; cloned per hash so the prefix is hashed once. */
  private final SHA3Digest seeded;

  private CryptoHasher(String typeName) {
    this.typeName = typeName;
    this.prefix = Sha3.hash((DOMAIN + typeName).getBytes(StandardCharsets.UTF_8)).toBytes();
    this.seeded = new SHA3Digest(256);
    seeded.update(prefix, 0, prefix.length);
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
    return builder().update(bcs).finish();
  }

  /** A running hash that already holds the prefix; append the value's bytes, then finish. */
  public Sha3.Builder builder() {
    return new Sha3.Builder(new SHA3Digest(seeded));
  }

  /** The bytes a signature covers: {@code prefix || bcs}. */
  public byte[] signingMessage(byte[] bcs) {
    byte[] msg = new byte[prefix.length + bcs.length];
    System.arraycopy(prefix, 0, msg, 0, prefix.length);
    System.arraycopy(bcs, 0, msg, prefix.length, bcs.length);
    return msg;
  }
}
