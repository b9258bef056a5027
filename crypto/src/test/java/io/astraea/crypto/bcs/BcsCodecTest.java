package io.astraea.crypto.bcs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The exact bytes of every BCS shape, and that the reader takes them back. */
class BcsCodecTest {
  private static String hex(BcsWriter w) {
    return HexFormat.of().formatHex(w.toByteArray());
  }

  private static BcsReader reader(String hex) {
    return new BcsReader(HexFormat.of().parseHex(hex));
  }

  @Test
  void fixedWidthIntegersAreLittleEndian() throws BcsException {
    assertEquals("ff", hex(new BcsWriter().writeU8(255)));
    assertEquals("3412", hex(new BcsWriter().writeU16(0x1234)));
    assertEquals("ffff", hex(new BcsWriter().writeU16(0xffff)));
    assertEquals("04030201", hex(new BcsWriter().writeU32(0x01020304L)));
    assertEquals("ffffffff", hex(new BcsWriter().writeU32(0xFFFF_FFFFL)));
    assertEquals("0807060504030201", hex(new BcsWriter().writeU64(0x0102030405060708L)));
    assertEquals("ffffffffffffffff", hex(new BcsWriter().writeU64(-1L)));

    assertEquals(0x1234, reader("3412").readU16());
    assertEquals(0xFFFF_FFFFL, reader("ffffffff").readU32());
    assertEquals(-1L, reader("ffffffffffffffff").readU64(), "u64 max arrives as the same 64 bits");
    assertEquals("18446744073709551615", Long.toUnsignedString(reader("ffffffffffffffff").readU64()));
  }

  @Test
  void u128EdgesRoundTrip() throws BcsException {
    BigInteger max = BigInteger.TWO.pow(128).subtract(BigInteger.ONE);
    BigInteger twoTo64 = BigInteger.TWO.pow(64);
    assertEquals("00".repeat(16), hex(new BcsWriter().writeU128(BigInteger.ZERO)));
    assertEquals("ff".repeat(16), hex(new BcsWriter().writeU128(max)));
    assertEquals("00".repeat(8) + "01" + "00".repeat(7), hex(new BcsWriter().writeU128(twoTo64)));
    assertEquals("ff".repeat(15) + "7f", hex(new BcsWriter().writeU128(BigInteger.TWO.pow(127).subtract(BigInteger.ONE))));
    assertEquals("00".repeat(15) + "80", hex(new BcsWriter().writeU128(BigInteger.TWO.pow(127))));
    for (BigInteger v : List.of(BigInteger.ZERO, BigInteger.ONE, twoTo64, BigInteger.TWO.pow(127), max)) {
      assertEquals(v, BcsReader.decode(new BcsWriter().writeU128(v).toByteArray(), BcsReader::readU128));
    }
    assertThrows(IllegalArgumentException.class, () -> new BcsWriter().writeU128(max.add(BigInteger.ONE)));
    assertThrows(IllegalArgumentException.class, () -> new BcsWriter().writeU128(BigInteger.ONE.negate()));
  }

  @Test
  void boolIsOneByte() throws BcsException {
    assertEquals("0100", hex(new BcsWriter().writeBool(true).writeBool(false)));
    BcsReader r = reader("0100");
    assertTrue(r.readBool());
    assertFalse(r.readBool());
  }

  @Test
  void uleb128IsCanonicalAndBoundedByU32() throws BcsException {
    String[][] cases = {
      {"0", "00"}, {"1", "01"}, {"127", "7f"}, {"128", "8001"}, {"255", "ff01"},
      {"16383", "ff7f"}, {"16384", "808001"}, {"2097151", "ffff7f"}, {"4294967295", "ffffffff0f"},
    };
    for (String[] c : cases) {
      long v = Long.parseLong(c[0]);
      assertEquals(c[1], hex(new BcsWriter().writeUleb128(v)), c[0]);
      assertEquals(v, BcsReader.decode(HexFormat.of().parseHex(c[1]), BcsReader::readUleb128));
    }
    assertThrows(IllegalArgumentException.class, () -> new BcsWriter().writeUleb128(1L << 32));
    assertThrows(IllegalArgumentException.class, () -> new BcsWriter().writeUleb128(-1));
  }

  @Test
  void bytesAndStringsAreLengthPrefixed() throws BcsException {
    assertEquals("00", hex(new BcsWriter().writeBytes(new byte[0])));
    assertEquals("03010203", hex(new BcsWriter().writeBytes(new byte[] {1, 2, 3})));
    byte[] b128 = new byte[128];
    assertEquals("8001" + "00".repeat(128), hex(new BcsWriter().writeBytes(b128)));
    assertArrayEquals(b128, BcsReader.decode(new BcsWriter().writeBytes(b128).toByteArray(), BcsReader::readBytes));
    // "ሰ" is U+1230, three UTF-8 bytes; the length counts bytes, not characters.
    assertEquals("0461e188b0", hex(new BcsWriter().writeString("aሰ")));
    assertEquals("aሰ", reader("0461e188b0").readString());
    assertEquals("😀", BcsReader.decode(new BcsWriter().writeString("😀").toByteArray(), BcsReader::readString));
  }

  @Test
  void fixedArraysHaveNoPrefix() throws BcsException {
    assertEquals("0a0b0c", hex(new BcsWriter().writeFixedBytes(new byte[] {10, 11, 12})));
    assertArrayEquals(new byte[] {10, 11}, reader("0a0b0c").readFixedBytes(2));
  }

  @Test
  void sequencesAndOptions() throws BcsException {
    BcsWriter w = new BcsWriter().writeSeq(List.of(1, 0x1234), (ww, v) -> ww.writeU16(v));
    assertEquals("0201003412", hex(w));
    assertEquals(List.of(1, 0x1234), reader("0201003412").readSeq(BcsReader::readU16));
    assertEquals("00", hex(new BcsWriter().writeSeq(List.<Integer>of(), (ww, v) -> ww.writeU8(v))));

    assertEquals("00", hex(new BcsWriter().writeOption(Optional.<String>empty(), BcsWriter::writeString)));
    assertEquals("01026869", hex(new BcsWriter().writeOption(Optional.of("hi"), BcsWriter::writeString)));
    assertEquals("01026869", hex(new BcsWriter().writeNullable("hi", BcsWriter::writeString)));
    assertEquals(Optional.of("hi"), reader("01026869").readOption(BcsReader::readString));
    assertEquals(Optional.empty(), reader("00").readOption(BcsReader::readString));
    assertEquals(null, reader("00").readNullable(BcsReader::readString));
    // Option<Option<bool>>: Some(None) and Some(Some(true)).
    assertEquals(Optional.of(Optional.empty()), reader("0100").readOption(r -> r.readOption(BcsReader::readBool)));
    assertEquals(Optional.of(Optional.of(true)), reader("010101").readOption(r -> r.readOption(BcsReader::readBool)));
  }

  @Test
  void enumVariantIsUleb128TagThenPayload() throws BcsException {
    assertEquals("0207", hex(new BcsWriter().writeVariant(2).writeU8(7)));
    assertEquals("8001", hex(new BcsWriter().writeVariant(128)));
    BcsReader r = reader("0207");
    assertEquals(2, r.readVariant(3));
    assertEquals(7, r.readU8());
    assertEquals(128, reader("8001").readVariant(129));
  }

  @Test
  void mapsAreSortedByEncodedKeyNotByValue() throws BcsException {
    Map<String, Integer> m = new LinkedHashMap<>();
    m.put("aa", 3);
    m.put("b", 2);
    m.put("a", 1);
    // Encoded keys: "a" = 01 61, "b" = 01 62, "aa" = 02 61 61: the length prefix sorts "aa" last,
    // although "aa" < "b" as strings.
    String expected = "03" + "0161" + "01" + "0162" + "02" + "026161" + "03";
    assertEquals(expected, hex(new BcsWriter().writeMap(m, BcsWriter::writeString, (w, v) -> w.writeU8(v))));
    Map<String, Integer> decoded = reader(expected).readMap(BcsReader::readString, BcsReader::readU8);
    assertEquals(List.of("a", "b", "aa"), new ArrayList<>(decoded.keySet()));
    assertEquals(m, decoded);

    // Two keys with one encoding (here: u8 of 1 and of 257) cannot be written.
    Map<Integer, Integer> clash = Map.of(1, 0, 257, 0);
    assertThrows(IllegalArgumentException.class,
        () -> new BcsWriter().writeMap(clash, (w, k) -> w.writeU8(k), (w, v) -> w.writeU8(v)));
  }

  @Test
  void writerGrowsAndReportsSize() {
    BcsWriter w = new BcsWriter(1);
    for (int i = 0; i < 1000; i++) {
      w.writeU64(i);
    }
    assertEquals(8000, w.size());
    assertEquals(8000, w.toByteArray().length);
  }

  @Test
  void readerOverASliceStaysInsideIt() throws BcsException {
    byte[] buf = HexFormat.of().parseHex("ff0102ff");
    BcsReader r = new BcsReader(buf, 1, 2);
    assertEquals(2, r.remaining());
    assertEquals(0x0201, r.readU16());
    r.expectEnd();
    assertThrows(BcsException.class, r::readU8);
    assertThrows(IndexOutOfBoundsException.class, () -> new BcsReader(buf, 3, 2));
  }
}
