package io.astraea.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.astraea.crypto.bcs.BcsReader;
import io.astraea.crypto.bcs.BcsWriter;
import io.astraea.crypto.bcs.HashCodec;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** SHA3-256, {@link HashValue} and Diem's domain-separated {@link CryptoHasher}. */
class HashingTest {
  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }

  private static String jdkSha3(byte[] data) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA3-256").digest(data));
  }

  @Test
  void sha3MatchesFips202KnownAnswersAndTheJdk() throws Exception {
    assertEquals("a7ffc6f8bf1ed76651c14756a061d662f580ff4de43b49fa82d80a4b80f8434a", Sha3.hash().toHex());
    assertEquals("3a985da74fe225b2045c172d6bd390bd855f086e3e9d525b46bfe24511431532", Sha3.hash(ascii("abc")).toHex());
    byte[] kib = new byte[1024 + 7];
    for (int i = 0; i < kib.length; i++) {
      kib[i] = (byte) (i * 31);
    }
    assertEquals(jdkSha3(kib), Sha3.hash(kib).toHex());
    // Parts are concatenated; the streaming builder agrees.
    assertEquals(Sha3.hash(ascii("abcdef")), Sha3.hash(ascii("ab"), ascii("cd"), ascii("ef")));
    HashValue h = Sha3.hash(ascii("x"));
    assertEquals(Sha3.hash(ascii("ab"), h.toBytes(), ascii("c")),
        new Sha3.Builder().update(ascii("ab")).update(h).update(ascii("zcz"), 1, 1).finish());
    assertEquals(Sha3.hash(ascii("abc")), HashValue.sha3Of(ascii("abc")));
  }

  @Test
  void hasherPrefixIsSha3OfDiemTypeName() throws Exception {
    CryptoHasher raw = CryptoHasher.forType("RawTransaction");
    // The value Diem clients hard-code as the RawTransaction signing salt.
    assertEquals("e74c3978c4493b06fec031b3b5b97fee945b2d7628528d85d19509dab9f4189c",
        HexFormat.of().formatHex(raw.prefix()));
    assertEquals(jdkSha3(ascii("DIEM::RawTransaction")), HexFormat.of().formatHex(raw.prefix()));
    assertEquals(jdkSha3(ascii("DIEM::LedgerInfo")),
        HexFormat.of().formatHex(CryptoHasher.forType("LedgerInfo").prefix()));
    assertEquals("RawTransaction", raw.typeName());
    assertSame(raw, CryptoHasher.forType("RawTransaction"));
  }

  @Test
  void hashIsSha3OfPrefixThenBcsAndSigningMessageIsPrefixThenBcs() throws Exception {
    CryptoHasher hasher = CryptoHasher.forType("Transaction");
    byte[] bcs = new BcsWriter().writeVariant(2).writeString("payload").toByteArray();
    byte[] message = hasher.signingMessage(bcs);
    assertEquals(32 + bcs.length, message.length);
    assertArrayEquals(hasher.prefix(), java.util.Arrays.copyOf(message, 32));
    assertEquals(jdkSha3(message), hasher.hash(bcs).toHex());
    assertEquals(hasher.hash(bcs), hasher.builder().update(bcs).finish());
    // The builder is fresh each time: hashing twice gives the same result.
    assertEquals(hasher.hash(bcs), hasher.hash(bcs));
    // Domain separation: the same bytes under another type hash differently.
    assertNotEquals(hasher.hash(bcs), CryptoHasher.forType("RawTransaction").hash(bcs));
    // The prefix copy cannot alter the hasher.
    hasher.prefix()[0] ^= 1;
    assertEquals(jdkSha3(message), hasher.hash(bcs).toHex());
  }

  @Test
  void hashValueHexBitsAndNibbles() {
    String hex = "0123456789abcdef00112233445566778899aabbccddeeff0f1e2d3c4b5a6978";
    HashValue h = HashValue.fromHex(hex);
    assertEquals(hex, h.toHex());
    assertEquals(h, HashValue.fromHex("0x" + hex));
    assertEquals(h, HashValue.fromHex("0X" + hex.toUpperCase()));
    assertEquals(hex, h.toString());
    assertEquals(0, h.nibble(0));
    assertEquals(1, h.nibble(1));
    assertEquals(0xf, h.nibble(15));
    assertEquals(8, h.nibble(63));
    // 0x01 = 0000_0001: bit 7 is the only set bit of byte 0.
    for (int i = 0; i < 7; i++) {
      assertEquals(false, h.bit(i));
    }
    assertTrue(h.bit(7));
    assertEquals((byte) 0xef, h.byteAt(7));
    byte[] dest = new byte[40];
    h.copyTo(dest, 4);
    assertArrayEquals(h.toBytes(), java.util.Arrays.copyOfRange(dest, 4, 36));
    assertEquals(HashValue.ZERO, HashValue.wrap(new byte[32]));
  }

  @Test
  void hashValueRejectsBadInputAndIsImmutable() {
    assertThrows(IllegalArgumentException.class, () -> HashValue.fromHex("00"));
    assertThrows(IllegalArgumentException.class, () -> HashValue.fromHex("zz".repeat(32)));
    assertThrows(IllegalArgumentException.class, () -> HashValue.wrap(new byte[31]));
    byte[] b = new byte[32];
    HashValue h = HashValue.wrap(b);
    b[0] = 1;
    assertEquals(HashValue.ZERO, h);
    h.toBytes()[0] = 1;
    assertEquals(HashValue.ZERO, h);
  }

  @Test
  void hashValuesOrderAsUnsignedBigEndian() {
    HashValue low = HashValue.fromHex("7f" + "ff".repeat(31));
    HashValue high = HashValue.fromHex("80" + "00".repeat(31));
    List<HashValue> list = new ArrayList<>(List.of(high, HashValue.ZERO, low));
    Collections.sort(list);
    assertEquals(List.of(HashValue.ZERO, low, high), list);
    assertEquals(low.hashCode(), HashValue.fromHex(low.toHex()).hashCode());
  }

  @Test
  void hashCodecIsLengthPrefixed() throws Exception {
    HashValue h = Sha3.hash(ascii("abc"));
    BcsWriter w = new BcsWriter();
    HashCodec.write(w, h);
    byte[] bcs = w.toByteArray();
    assertEquals(33, bcs.length);
    assertEquals(32, bcs[0]);
    assertEquals(h, BcsReader.decode(bcs, HashCodec::decode));
    byte[] short31 = new byte[32];
    short31[0] = 31;
    assertEquals(0, assertThrows(io.astraea.crypto.bcs.BcsException.class,
        () -> BcsReader.decode(short31, HashCodec::decode)).offset());
  }
}
