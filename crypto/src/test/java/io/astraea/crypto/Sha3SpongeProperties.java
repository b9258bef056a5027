package io.astraea.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * However a message is cut into updates, the sponge, {@link Sha3.Builder} and the domain-separated
 * builder give the one-shot hash, which equals BouncyCastle's.
 */
class Sha3SpongeProperties {
  private static final CryptoHasher HASHER = CryptoHasher.forType("SparseMerkleLeafNode");

  @Property(tries = 200)
  void incrementalUpdatesEqualOneShot(
      @ForAll @Size(max = 700) byte[] message,
      @ForAll @Size(max = 8) List<@IntRange(min = 0, max = 700) Integer> cutPoints) {
    int[] cuts = cutPoints.stream().mapToInt(c -> c % (message.length + 1)).sorted().toArray();
    byte[] expected = Sha3SpongeTest.bouncyCastle(message);
    assertArrayEquals(expected, new Sha3Sponge().update(message).finish());

    Sha3Sponge sponge = new Sha3Sponge();
    Sha3.Builder builder = new Sha3.Builder();
    Sha3.Builder prefixed = HASHER.builder();
    int from = 0;
    for (int cut : cuts) {
      sponge.update(message, from, cut - from);
      builder.update(message, from, cut - from);
      prefixed.update(message, from, cut - from);
      from = cut;
    }
    sponge.update(message, from, message.length - from);
    builder.update(message, from, message.length - from);
    prefixed.update(message, from, message.length - from);
    assertArrayEquals(expected, sponge.finish());
    assertArrayEquals(expected, builder.finish().toBytes());
    assertArrayEquals(Sha3SpongeTest.bouncyCastle(HASHER.prefix(), message), prefixed.finish().toBytes());
    assertEquals(HASHER.hash(message), HASHER.builder().update(message).finish());
    // Finishing reset everything: the same objects now hash the next message from scratch.
    assertArrayEquals(expected, sponge.update(message).finish());
    assertArrayEquals(expected, builder.update(message).finish().toBytes());
  }
}
