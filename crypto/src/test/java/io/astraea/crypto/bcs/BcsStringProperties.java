package io.astraea.crypto.bcs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * A BCS string is strict UTF-8: whatever the bytes, {@link BcsReader#readString} accepts exactly
 * what a reporting UTF-8 decoder accepts, and gives the same characters.
 */
class BcsStringProperties {

  @Provide
  Arbitrary<byte[]> stringBytes() {
    // Mostly ASCII, with bytes of multi-byte sequences, stray continuations and invalid leads mixed in.
    Arbitrary<Byte> ascii = Arbitraries.bytes().between((byte) 0, (byte) 0x7f);
    Arbitrary<Byte> any = Arbitraries.bytes();
    return Arbitraries.frequencyOf(
            Tuple.of(4, ascii.array(byte[].class).ofMaxSize(40)),
            Tuple.of(1, any.array(byte[].class).ofMaxSize(40)))
        .injectDuplicates(0.05);
  }

  @Property(tries = 2000)
  void readsExactlyWhatStrictUtf8Reads(@ForAll("stringBytes") byte[] bytes) throws Exception {
    byte[] encoded = new BcsWriter().writeBytes(bytes).toByteArray();
    String expected;
    try {
      expected = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      assertThrows(BcsException.class, () -> BcsReader.decode(encoded, BcsReader::readString));
      return;
    }
    assertEquals(expected, BcsReader.decode(encoded, BcsReader::readString));
  }

  @Property(tries = 500)
  void stringsRoundTrip(@ForAll String s) throws Exception {
    // Lone surrogates have no UTF-8 form; the writer replaces them, so compare with what it wrote.
    String written = new String(s.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
    assertEquals(written, BcsReader.decode(new BcsWriter().writeString(s).toByteArray(), BcsReader::readString));
  }
}
