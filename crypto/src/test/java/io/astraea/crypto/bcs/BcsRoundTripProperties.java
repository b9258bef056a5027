package io.astraea.crypto.bcs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.astraea.crypto.bcs.BcsShape.Typed;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Every supported shape, nested up to three containers deep, decodes to what was encoded. */
class BcsRoundTripProperties {
  @Provide
  Arbitrary<Typed> leaves() {
    return BcsShape.typed(0);
  }

  @Provide
  Arbitrary<Typed> nested() {
    return BcsShape.typed(3);
  }

  @Property(tries = 300)
  void leafValuesRoundTrip(@ForAll("leaves") Typed t) throws BcsException {
    roundTrip(t);
  }

  @Property(tries = 150)
  void nestedValuesRoundTrip(@ForAll("nested") Typed t) throws BcsException {
    roundTrip(t);
  }

  private static void roundTrip(Typed t) throws BcsException {
    byte[] bytes = t.shape().encode(t.value());
    Object decoded = BcsReader.decode(bytes, t.shape()::read);
    assertEquals(t.value(), decoded, t.shape().toString());
    assertArrayEquals(bytes, t.shape().encode(decoded), "re-encoding is byte-identical");
  }

  @Provide
  Arbitrary<Map<String, Long>> stringMaps() {
    return Arbitraries.maps(BcsShape.strings(), Arbitraries.longs()).ofMaxSize(12);
  }

  @Property(tries = 100)
  void mapEncodingIgnoresIterationOrderAndKeysComeBackInEncodedOrder(
      @ForAll("stringMaps") Map<String, Long> map) throws BcsException {
    BcsShape shape = new BcsShape.MapOf(new BcsShape.Str(), new BcsShape.U64());
    List<Map.Entry<String, Long>> entries = new ArrayList<>(map.entrySet());
    Collections.reverse(entries);
    Map<Object, Object> reversed = new LinkedHashMap<>();
    entries.forEach(e -> reversed.put(e.getKey(), e.getValue()));
    byte[] bytes = shape.encode(map);
    assertArrayEquals(bytes, shape.encode(reversed));

    @SuppressWarnings("unchecked")
    Map<Object, Object> decoded = (Map<Object, Object>) BcsReader.decode(bytes, shape::read);
    assertEquals(map, decoded);
    byte[] previous = null;
    for (Object k : decoded.keySet()) {
      byte[] enc = new BcsShape.Str().encode(k);
      if (previous != null) {
        assertTrue(Arrays.compareUnsigned(previous, enc) < 0, "keys in encoded-byte order");
      }
      previous = enc;
    }
  }
}
