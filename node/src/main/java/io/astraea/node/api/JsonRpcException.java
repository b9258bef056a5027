package io.astraea.node.api;

import com.fasterxml.jackson.databind.JsonNode;

/** A JSON-RPC call that failed in a way the client should see, with Diem's error code. */
public final class JsonRpcException extends Exception {
  private final JsonRpcError error;
  private final transient JsonNode data;

  public JsonRpcException(JsonRpcError error, String message) {
    this(error, message, null);
  }

  public JsonRpcException(JsonRpcError error, String message, JsonNode data) {
    super(message);
    this.error = error;
    this.data = data;
  }

  public JsonRpcError error() {
    return error;
  }

  /** Optional structured detail (Diem puts e.g. the VM status here); may be null. */
  public JsonNode data() {
    return data;
  }

  public static JsonRpcException invalidParams(String message) {
    return new JsonRpcException(JsonRpcError.INVALID_PARAMS, message);
  }
}
