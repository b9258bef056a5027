package io.astraea.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.MessageDigest;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * The hasher reuses one digest per thread: every hash must still equal a fresh
 * {@code sha3_256(prefix || bytes)} computed by the JDK, whatever was hashed before on the same
 * thread, for inputs on both sides of Keccak's 136-byte block boundary.
 */
class CryptoHasherProperties {
  private static final CryptoHasher BLOB = CryptoHasher.forType("AccountStateBlob");
  private static final CryptoHasher INTERNAL = CryptoHasher.forType("SparseMerkleInternal");

  private static HashValue jdk(byte[] prefix, byte[]... parts) throws Exception {
    MessageDigest md = MessageDigest.getInstance("SHA3-256");
    md.update(prefix);
    for (byte[] p : parts) {
      md.update(p);
    }
    return HashValue.wrap(md.digest());
  }

  @Property(tries = 200)
  void hashEqualsAFreshDigest(@ForAll @Size(max = 600) byte[] value, @ForAll @Size(max = 300) byte[] before)
      throws Exception {
    BLOB.hash(before); // leaves nothing behind in the reused digest
    assertEquals(jdk(BLOB.prefix(), value), BLOB.hash(value));
    assertEquals(BLOB.hash(value), BLOB.builder().update(value).finish());
  }

  @Property(tries = 200)
  void pairHashEqualsAFreshDigest(@ForAll @Size(32) byte[] a, @ForAll @Size(32) byte[] b) throws Exception {
    HashValue left = HashValue.wrap(a);
    HashValue right = HashValue.wrap(b);
    assertEquals(jdk(INTERNAL.prefix(), a, b), INTERNAL.hashPair(left, right));
    assertEquals(jdk(INTERNAL.prefix(), b, a), INTERNAL.hashPair(right, left));
    assertEquals(INTERNAL.hashPair(left, right), INTERNAL.builder().update(left).update(right).finish());
  }

  @Property(tries = 200)
  void pairHashOnWordsEqualsAFreshDigest(
      @ForAll @Size(32) byte[] a, @ForAll @Size(32) byte[] b, @ForAll @IntRange(max = 2) int outSlot)
      throws Exception {
    // Left at word 4, right at word 8, the output in a free slot or over either input.
    long[] words = new long[12];
    HashValue.wrap(a).copyTo(words, 4);
    HashValue.wrap(b).copyTo(words, 8);
    int out = 4 * outSlot;
    INTERNAL.hashPair(words, 4, words, 8, words, out);
    HashValue expected = jdk(INTERNAL.prefix(), a, b);
    assertEquals(expected, HashValue.ofWords(words, out));
    assertTrue(expected.equalsWords(words, out));
    if (out != 4) {
      assertEquals(HashValue.wrap(a), HashValue.ofWords(words, 4), "the left input is untouched");
    }
  }
}
