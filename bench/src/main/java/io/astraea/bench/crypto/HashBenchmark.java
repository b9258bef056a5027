package io.astraea.bench.crypto;

import io.astraea.crypto.CryptoHasher;
import io.astraea.crypto.HashValue;
import io.astraea.crypto.Sha3;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.crypto.digests.SHA3Digest;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * SHA3-256 throughput (hashes per second, one thread): our sponge against BouncyCastle's {@code
 * SHA3Digest}, which the crypto module used before.
 *
 * <p>{@code size = 96} is the Merkle node shape ({@code prefix || left || right}, one Keccak
 * block); 1024 is a long message (eight blocks). Each BouncyCastle variant repeats what the module
 * did before: {@code Sha3.hash} built a fresh digest per call; the hasher reused a per-thread one
 * ({@code sha3BouncyCastleReused} is BouncyCastle at its best). {@link Pair} measures {@link
 * CryptoHasher#hashPair} against the old pair path (concatenate, then the per-thread digest).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class HashBenchmark {
  /** The old hasher's per-thread digest. */
  private static final ThreadLocal<SHA3Digest> PER_THREAD = ThreadLocal.withInitial(() -> new SHA3Digest(256));

  @Param({"96", "1024"})
  public int size;

  private byte[] data;
  private CryptoHasher hasher;
  private byte[] prefix;
  private final SHA3Digest bc = new SHA3Digest(256);

  @Setup
  public void setUp() {
    data = new byte[size];
    new Random(7).nextBytes(data);
    hasher = CryptoHasher.forType("Transaction");
    prefix = hasher.prefix();
  }

  /** {@code Sha3.hash(data)} on the new sponge. */
  @Benchmark
  public HashValue sha3() {
    return Sha3.hash(data);
  }

  /** The old {@code Sha3.hash}: a fresh BouncyCastle {@code SHA3Digest} per call. */
  @Benchmark
  public byte[] sha3BouncyCastle() {
    SHA3Digest d = new SHA3Digest(256);
    d.update(data, 0, data.length);
    byte[] out = new byte[32];
    d.doFinal(out, 0);
    return out;
  }

  /** A BouncyCastle digest reused from a field: no allocation, no thread-local lookup. */
  @Benchmark
  public byte[] sha3BouncyCastleReused() {
    bc.update(data, 0, data.length);
    byte[] out = new byte[32];
    bc.doFinal(out, 0);
    return out;
  }

  /** {@code sha3(prefix || data)} through {@link CryptoHasher#hash}. */
  @Benchmark
  public HashValue cryptoHasher() {
    return hasher.hash(data);
  }

  /** The old {@code CryptoHasher.hash}: prefix and data into the per-thread BouncyCastle digest. */
  @Benchmark
  public byte[] cryptoHasherBouncyCastle() {
    SHA3Digest d = PER_THREAD.get();
    d.update(prefix, 0, prefix.length);
    d.update(data, 0, data.length);
    byte[] out = new byte[32];
    d.doFinal(out, 0);
    return out;
  }

  /** The Merkle node hash, {@code sha3(prefix || left || right)}. */
  @State(Scope.Thread)
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  public static class Pair {
    private CryptoHasher hasher;
    private byte[] prefix;
    private HashValue left;
    private HashValue right;

    @Setup
    public void setUp() {
      hasher = CryptoHasher.forType("SparseMerkleInternal");
      prefix = hasher.prefix();
      left = Sha3.hash(new byte[] {1});
      right = Sha3.hash(new byte[] {2});
    }

    /** {@link CryptoHasher#hashPair}: lanes read straight from the three arrays, one permutation. */
    @Benchmark
    public HashValue hashPair() {
      return hasher.hashPair(left, right);
    }

    /** The old path: copy into a 96-byte buffer, then the per-thread BouncyCastle digest. */
    @Benchmark
    public byte[] hashPairBouncyCastle() {
      byte[] buf = new byte[96];
      System.arraycopy(prefix, 0, buf, 0, 32);
      left.copyTo(buf, 32);
      right.copyTo(buf, 64);
      SHA3Digest d = PER_THREAD.get();
      d.update(buf, 0, buf.length);
      byte[] out = new byte[32];
      d.doFinal(out, 0);
      return out;
    }
  }
}
