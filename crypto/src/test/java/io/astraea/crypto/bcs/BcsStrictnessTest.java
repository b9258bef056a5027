package io.astraea.crypto.bcs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HexFormat;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Every malformation is a {@link BcsException} pointing at the offending byte. */
class BcsStrictnessTest {
  private static byte[] bytes(String hex) {
    return HexFormat.of().parseHex(hex);
  }

  private static BcsException fails(String hex, BcsDecoder<?> decoder) {
    return assertThrows(BcsException.class, () -> BcsReader.decode(bytes(hex), decoder), hex);
  }

  private static void failsAt(int offset, String hex, BcsDecoder<?> decoder) {
    BcsException e = fails(hex, decoder);
    assertEquals(offset, e.offset(), e.getMessage());
    assertTrue(e.getMessage().endsWith("(at byte " + offset + ")"), e.getMessage());
  }

  @Test
  void nonCanonicalUleb128() {
    failsAt(0, "8000", BcsReader::readUleb128);
    failsAt(0, "ff00", BcsReader::readUleb128);
    failsAt(0, "80808000", BcsReader::readUleb128);
    // As a length after a leading u8: the offset is the length's first byte.
    failsAt(1, "078000", r -> {
      r.readU8();
      return r.readBytes();
    });
    failsAt(0, "8100", r -> r.readVariant(10));
  }

  @Test
  void uleb128BeyondU32() {
    failsAt(0, "ffffffff10", BcsReader::readUleb128);
    failsAt(0, "8080808080", BcsReader::readUleb128);
    failsAt(0, "808080808001", BcsReader::readUleb128);
    failsAt(0, "ffffffff1f", r -> r.readSeq(BcsReader::readU8));
  }

  @Test
  void truncatedInput() {
    failsAt(0, "", BcsReader::readU8);
    failsAt(0, "01", BcsReader::readU16);
    failsAt(0, "010203", BcsReader::readU32);
    failsAt(0, "01020304050607", BcsReader::readU64);
    failsAt(0, "00".repeat(15), BcsReader::readU128);
    failsAt(1, "80", BcsReader::readUleb128); // the input ends where the next byte should be
    failsAt(0, "0102", r -> r.readFixedBytes(3));
  }

  @Test
  void lengthsBeyondTheRemainingInput() {
    failsAt(0, "050102", BcsReader::readBytes);
    failsAt(0, "0461", BcsReader::readString);
    failsAt(0, "ffffffff0f", BcsReader::readBytes);
    failsAt(0, "0301", r -> r.readSeq(BcsReader::readU8));
    failsAt(0, "0201", r -> r.readMap(BcsReader::readU8, BcsReader::readU8));
    // Plausible length, elements run out: the offset is where the missing element starts.
    failsAt(3, "020102", r -> r.readSeq(BcsReader::readU16));
  }

  @Test
  void trailingBytes() {
    failsAt(1, "0102", BcsReader::readU8);
    failsAt(3, "02616100", BcsReader::readString);
    BcsException e = fails("000000", BcsReader::readBool);
    assertTrue(e.getMessage().contains("2 trailing bytes"), e.getMessage());
  }

  @Test
  void invalidBoolAndOptionTags() {
    failsAt(0, "02", BcsReader::readBool);
    failsAt(0, "ff", BcsReader::readBool);
    failsAt(0, "02", r -> r.readOption(BcsReader::readU8));
    failsAt(2, "010105", r -> r.readOption(rr -> rr.readOption(BcsReader::readBool)));
  }

  @Test
  void unknownEnumVariant() {
    failsAt(0, "03", r -> r.readVariant(3));
    failsAt(0, "8001", r -> r.readVariant(128));
  }

  @Test
  void invalidUtf8() {
    failsAt(0, "02c080", BcsReader::readString); // overlong NUL
    failsAt(0, "0180", BcsReader::readString); // lone continuation byte
    failsAt(0, "03eda080", BcsReader::readString); // UTF-16 surrogate encoded in UTF-8
    failsAt(0, "02e282", BcsReader::readString); // truncated sequence
    failsAt(0, "01ff", BcsReader::readString);
    failsAt(0, "04f4908080", BcsReader::readString); // above U+10FFFF
    failsAt(1, "0103c080ff", r -> r.readSeq(BcsReader::readString));
  }

  @Test
  void mapKeysMustBeStrictlyIncreasingByEncoding() {
    BcsDecoder<?> strToU8 = r -> r.readMap(BcsReader::readString, BcsReader::readU8);
    // "b" then "a": unsorted; the offset is the second key.
    failsAt(4, "02" + "016201" + "016102", strToU8);
    // duplicate key
    failsAt(4, "02" + "016101" + "016102", strToU8);
    // "aa" before "b" is string order, but not encoded-byte order.
    failsAt(5, "02" + "02616101" + "016202", strToU8);
  }

  @Test
  void depthBeyond500IsRefused() throws BcsException {
    BcsDecoder<Integer> nested = new BcsDecoder<>() {
      @Override
      public Integer decode(BcsReader r) throws BcsException {
        Optional<Integer> inner = r.readOption(this);
        return inner.map(i -> i + 1).orElse(0);
      }
    };
    // 500 nested Some(...) then None is fine.
    assertEquals(500, BcsReader.decode(bytes("01".repeat(500) + "00"), nested));
    // 501 is one too many: the error points at the byte where the 501st container starts.
    failsAt(501, "01".repeat(501) + "00", nested);
    // Sequences nest the same way: [[[...]]]
    BcsDecoder<Integer> seqs = new BcsDecoder<>() {
      @Override
      public Integer decode(BcsReader r) throws BcsException {
        return r.readSeq(this).stream().mapToInt(i -> i + 1).sum();
      }
    };
    assertEquals(499, BcsReader.decode(bytes("01".repeat(499) + "00"), seqs));
    assertThrows(BcsException.class, () -> BcsReader.decode(bytes("01".repeat(600) + "00"), seqs));
    // A deep, short hostile input fails fast with the typed error, not a stack overflow.
    assertThrows(BcsException.class, () -> BcsReader.decode(bytes("01".repeat(100_000)), nested));
  }
}
