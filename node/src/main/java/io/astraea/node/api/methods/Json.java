package io.astraea.node.api.methods;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.util.HexFormat;

/** Small JSON builders shared by the views: unsigned 64-bit numbers, hex, Diem amounts. */
final class Json {
  static final JsonNodeFactory F = JsonNodeFactory.instance;

  private Json() {}

  /** A u64 as a JSON number (values past {@code Long.MAX_VALUE} are written unsigned). */
  static JsonNode u64(long v) {
    return v >= 0 ? F.numberNode(v) : F.numberNode(new BigInteger(Long.toUnsignedString(v)));
  }

  static String hex(byte[] b) {
    return HexFormat.of().formatHex(b);
  }

  /** Diem's {@code Amount}: {@code {"amount": u64, "currency": code}}. */
  static ObjectNode amount(long amount, String currency) {
    ObjectNode o = F.objectNode();
    o.set("amount", u64(amount));
    o.put("currency", currency);
    return o;
  }
}
