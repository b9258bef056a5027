package io.astraea.bench.crypto;

import io.astraea.crypto.CryptoHasher;
import io.astraea.crypto.CryptoMaterialException;
import io.astraea.crypto.Ed25519PrivateKey;
import io.astraea.crypto.Ed25519PublicKey;
import io.astraea.crypto.Ed25519Signature;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Ed25519 signing and strict verification, in operations per second on one thread. The message
 * is a 32-byte domain prefix plus 200 bytes, about the size of a signed payment's signing message.
 * {@code verifyWithKeyDecode} adds the public key validation a node pays when the key arrives
 * inside a transaction rather than from a cached validator set.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class Ed25519Benchmark {
  private Ed25519PrivateKey key;
  private Ed25519PublicKey publicKey;
  private byte[] publicKeyBytes;
  private byte[] message;
  private Ed25519Signature signature;

  @Setup
  public void setUp() {
    Random random = new Random(42);
    byte[] body = new byte[200];
    random.nextBytes(body);
    message = CryptoHasher.forType("RawTransaction").signingMessage(body);
    byte[] seed = new byte[32];
    random.nextBytes(seed);
    try {
      key = Ed25519PrivateKey.fromSeed(seed);
    } catch (CryptoMaterialException e) {
      throw new IllegalStateException(e);
    }
    publicKey = key.publicKey();
    publicKeyBytes = publicKey.toBytes();
    signature = key.sign(message);
  }

  @Benchmark
  public Ed25519Signature sign() {
    return key.sign(message);
  }

  @Benchmark
  public boolean verify() {
    return publicKey.verify(message, signature);
  }

  @Benchmark
  public boolean verifyWithKeyDecode() throws CryptoMaterialException {
    return Ed25519PublicKey.fromBytes(publicKeyBytes).verify(message, signature);
  }
}
