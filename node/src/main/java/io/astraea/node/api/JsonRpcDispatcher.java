package io.astraea.node.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a JSON-RPC 2.0 request body (single or batch) into a response body. Transport-free, so
 * it is tested without sockets. Every response object carries the same {@link LedgerMetadata}
 * snapshot, taken once per request, so all answers of a batch describe one ledger version.
 *
 * <p>Failures never escape: garbage JSON is {@code -32700}, a malformed request object
 * {@code -32600}, an unknown method {@code -32601}, bad params {@code -32602}, and an unexpected
 * exception inside a method {@code -32000} (logged with its stack trace).
 */
public final class JsonRpcDispatcher {
  private static final Logger LOG = LoggerFactory.getLogger(JsonRpcDispatcher.class);
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private final ObjectMapper mapper;
  private final Map<String, JsonRpcMethod> methods;
  private final Supplier<LedgerMetadata> metadata;
  private final int maxBatchSize;

  public JsonRpcDispatcher(
      ObjectMapper mapper,
      Map<String, JsonRpcMethod> methods,
      Supplier<LedgerMetadata> metadata,
      int maxBatchSize) {
    this.mapper = mapper;
    this.methods = new TreeMap<>(methods);
    this.metadata = metadata;
    this.maxBatchSize = maxBatchSize;
  }

  /** The registered method names, sorted. */
  public Iterable<String> methodNames() {
    return methods.keySet();
  }

  /** Handles one HTTP body; returns the response body (never null: batches of only errors too). */
  public byte[] handle(byte[] body) {
    LedgerMetadata meta = metadata.get();
    JsonNode request;
    try {
      request = mapper.readTree(body);
    } catch (IOException e) {
      return write(error(meta, null, JsonRpcError.PARSE_ERROR, "parse error: invalid JSON"));
    }
    if (request == null || request.isMissingNode()) {
      return write(error(meta, null, JsonRpcError.PARSE_ERROR, "parse error: empty body"));
    }
    if (request.isArray()) {
      if (request.isEmpty()) {
        return write(error(meta, null, JsonRpcError.INVALID_REQUEST, "empty batch"));
      }
      if (request.size() > maxBatchSize) {
        return write(
            error(
                meta,
                null,
                JsonRpcError.INVALID_REQUEST,
                "batch of " + request.size() + " exceeds the limit of " + maxBatchSize));
      }
      ArrayNode out = JSON.arrayNode(request.size());
      for (JsonNode r : request) {
        out.add(handleOne(meta, r));
      }
      return write(out);
    }
    return write(handleOne(meta, request));
  }

  private ObjectNode handleOne(LedgerMetadata meta, JsonNode r) {
    JsonNode id = r.isObject() ? r.get("id") : null;
    if (id != null && !(id.isTextual() || id.isIntegralNumber() || id.isNull())) {
      id = null;
    }
    if (!r.isObject()
        || !"2.0".equals(textOrNull(r.get("jsonrpc")))
        || r.get("method") == null
        || !r.get("method").isTextual()) {
      return error(
          meta, id, JsonRpcError.INVALID_REQUEST, "invalid request: need jsonrpc \"2.0\" and method");
    }
    String name = r.get("method").asText();
    JsonRpcMethod method = methods.get(name);
    if (method == null) {
      return error(meta, id, JsonRpcError.METHOD_NOT_FOUND, "method not found: " + name);
    }
    JsonNode params = r.get("params");
    if (params == null || params.isNull()) {
      params = JSON.arrayNode();
    }
    if (!params.isArray()) {
      return error(meta, id, JsonRpcError.INVALID_PARAMS, "params must be an array");
    }
    try {
      JsonNode result = method.call(new Params(params));
      ObjectNode ok = envelope(meta, id);
      ok.set("result", result == null ? JSON.nullNode() : result);
      return ok;
    } catch (JsonRpcException e) {
      ObjectNode err = error(meta, id, e.error(), e.getMessage());
      if (e.data() != null) {
        ((ObjectNode) err.get("error")).set("data", e.data());
      }
      return err;
    } catch (RuntimeException e) {
      LOG.error("json-rpc method {} failed", name, e);
      return error(meta, id, JsonRpcError.SERVER_ERROR, "server error: " + e.getClass().getSimpleName());
    }
  }

  private static String textOrNull(JsonNode n) {
    return n != null && n.isTextual() ? n.asText() : null;
  }

  private static ObjectNode envelope(LedgerMetadata meta, JsonNode id) {
    ObjectNode o = JSON.objectNode();
    o.put("jsonrpc", "2.0");
    o.set("id", id == null ? JSON.nullNode() : id);
    o.put("diem_chain_id", meta.chainId());
    o.put("diem_ledger_version", meta.ledgerVersion());
    o.put("diem_ledger_timestampusec", meta.ledgerTimestampUsec());
    return o;
  }

  private static ObjectNode error(LedgerMetadata meta, JsonNode id, JsonRpcError code, String msg) {
    ObjectNode o = envelope(meta, id);
    ObjectNode e = o.putObject("error");
    e.put("code", code.code());
    e.put("message", msg);
    e.putNull("data");
    return o;
  }

  private byte[] write(JsonNode n) {
    try {
      return mapper.writeValueAsBytes(n);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree failed to serialise", e);
    }
  }
}
