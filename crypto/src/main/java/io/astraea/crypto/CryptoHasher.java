package io.astraea.crypto;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.ConcurrentHashMap;

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

  /**
   * The hash of a value whose BCS encoding is {@code bcs}, on the calling thread's one-shot sponge
   * ({@link Sha3Sponge#oneShot}): no state is shared between threads, and none survives a call.
   */
  public HashValue hash(byte[] bcs) {
    return Sha3Sponge.oneShot().update(prefix).update(bcs).finishHash();
  }

  /**
   * {@code hash(left || right)}: the Merkle node hash of the Jellyfish tree and the accumulators,
   * their hottest loop. The 96-byte message fits one Keccak block, so it is absorbed lane by lane
   * from the prefix and the two hashes' words without concatenating them.
   */
  public HashValue hashPair(HashValue left, HashValue right) {
    return Sha3Sponge.hashThree32(prefix, left, right);
  }

  /**
   * {@link #hashPair(HashValue, HashValue)} on hashes kept as big-endian words in flat arrays (see
   * {@link HashValue#ofWords}): hashes {@code left[la .. la + 3]} and {@code right[ra .. ra + 3]}
   * into {@code out[oa .. oa + 3]}, which may overlap either input.
   */
  public void hashPair(long[] left, int la, long[] right, int ra, long[] out, int oa) {
    Sha3Sponge.hashThree32(prefix, left, la, right, ra, out, oa);
  }

  /** A running hash that already holds the prefix; append the value's bytes, then finish. */
  public Sha3.Builder builder() {
    return new Sha3.Builder(new Sha3Sponge().update(prefix));
  }

  /** The bytes a signature covers: {@code prefix || bcs}. */
  public byte[] signingMessage(byte[] bcs) {
    byte[] msg = new byte[prefix.length + bcs.length];
    System.arraycopy(prefix, 0, msg, 0, prefix.length);
    System.arraycopy(bcs, 0, msg, prefix.length, bcs.length);
    return msg;
  }
}
