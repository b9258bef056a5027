package io.astraea.node.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HexFormat;

/**
 * Positional JSON-RPC parameters with typed accessors that fail with
 * {@link JsonRpcError#INVALID_PARAMS} and a message naming the parameter.
 */
public final class Params {
  private final JsonNode array;

  Params(JsonNode array) {
    this.array = array;
  }

  public int size() {
    return array.size();
  }

  /** Checks the count lies in {@code [min, max]}. */
  public Params expect(int min, int max) throws JsonRpcException {
    if (array.size() < min || array.size() > max) {
      String want = min == max ? String.valueOf(min) : min + " to " + max;
      throw JsonRpcException.invalidParams(
          "wrong number of arguments: expected " + want + ", got " + array.size());
    }
    return this;
  }

  public boolean has(int index) {
    return index < array.size() && !array.get(index).isNull();
  }

  public JsonNode raw(int index) {
    return array.get(index);
  }

  public String string(int index, String name) throws JsonRpcException {
    JsonNode n = array.get(index);
    if (n == null || !n.isTextual()) {
      throw JsonRpcException.invalidParams(name + " must be a string");
    }
    return n.asText();
  }

  /** A non-negative integer that fits in a u64 (here: a non-negative long). */
  public long u64(int index, String name) throws JsonRpcException {
    JsonNode n = array.get(index);
    if (n == null || !n.isIntegralNumber() || !n.canConvertToLong() || n.asLong() < 0) {
      throw JsonRpcException.invalidParams(name + " must be a non-negative integer");
    }
    return n.asLong();
  }

  public boolean bool(int index, String name) throws JsonRpcException {
    JsonNode n = array.get(index);
    if (n == null || !n.isBoolean()) {
      throw JsonRpcException.invalidParams(name + " must be a boolean");
    }
    return n.asBoolean();
  }

  /** Hex bytes, with or without {@code 0x}. */
  public byte[] hex(int index, String name) throws JsonRpcException {
    String s = string(index, name);
    if (s.startsWith("0x") || s.startsWith("0X")) {
      s = s.substring(2);
    }
    try {
      return HexFormat.of().parseHex(s);
    } catch (IllegalArgumentException e) {
      throw JsonRpcException.invalidParams(name + " must be hex-encoded bytes");
    }
  }
}
