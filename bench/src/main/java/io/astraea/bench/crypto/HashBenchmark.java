package io.astraea.bench.crypto;

import io.astraea.crypto.CryptoHasher;
import io.astraea.crypto.HashValue;
import io.astraea.crypto.Sha3;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * SHA3-256 over 64 B and 1 KiB inputs, and Diem's domain-separated hash ({@code
 * sha3(sha3("DIEM::" + type) || bcs)}, whose prefix state is precomputed) over the same sizes;
 * hashes per second on one thread.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class HashBenchmark {
  @Param({"64", "1024"})
  public int size;

  private byte[] data;
  private CryptoHasher hasher;

  @Setup
  public void setUp() {
    data = new byte[size];
    new Random(7).nextBytes(data);
    hasher = CryptoHasher.forType("Transaction");
  }

  @Benchmark
  public HashValue sha3() {
    return Sha3.hash(data);
  }

  @Benchmark
  public HashValue cryptoHasher() {
    return hasher.hash(data);
  }
}
