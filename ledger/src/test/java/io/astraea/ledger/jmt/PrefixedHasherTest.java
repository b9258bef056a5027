package io.astraea.ledger.jmt;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.astraea.crypto.CryptoHasher;
import io.astraea.crypto.HashValue;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;

/** The reusable-digest hasher gives exactly the {@link CryptoHasher} hashes it stands in for. */
class PrefixedHasherTest {
  private static final CryptoHasher INTERNAL = CryptoHasher.forType("SparseMerkleInternal");
  private static final PrefixedHasher FAST = new PrefixedHasher(INTERNAL);

  @Property(tries = 100)
  void pairHashEqualsCryptoHasher(@ForAll @Size(32) byte[] a, @ForAll @Size(32) byte[] b) {
    HashValue left = HashValue.wrap(a);
    HashValue right = HashValue.wrap(b);
    assertEquals(INTERNAL.builder().update(left).update(right).finish(), FAST.hashPair(left, right));
    // The digest is reused: a second hash on the same thread must not see the first's state.
    assertEquals(INTERNAL.builder().update(right).update(left).finish(), FAST.hashPair(right, left));
  }

  /** Values of any length, across Keccak's 136-byte block boundary. */
  @Property(tries = 100)
  void valueHashEqualsCryptoHasher(@ForAll @Size(max = 600) byte[] value) {
    CryptoHasher blob = CryptoHasher.forType("AccountStateBlob");
    PrefixedHasher fast = new PrefixedHasher(blob);
    assertEquals(blob.hash(value), fast.hash(value));
    assertEquals(blob.hash(value), fast.hash(value));
  }
}
