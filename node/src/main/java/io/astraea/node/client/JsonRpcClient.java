package io.astraea.node.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/** A minimal Diem JSON-RPC client for the CLI: one call per request, errors as exceptions. */
public final class JsonRpcClient {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final URI url;
  private final HttpClient http;
  private final Duration timeout;
  private final AtomicLong ids = new AtomicLong();

  public JsonRpcClient(URI url, Duration timeout) {
    this.url = url;
    this.timeout = timeout;
    this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
  }

  /** A JSON-RPC error returned by the server, with its code. */
  public static final class RpcError extends IOException {
    private final int code;

    public RpcError(int code, String message) {
      super(message + " (JSON-RPC error " + code + ")");
      this.code = code;
    }

    public int code() {
      return code;
    }
  }

  /** Calls {@code method} with positional {@code params}; returns the full response object. */
  public JsonNode callRaw(String method, Object... params) throws IOException, InterruptedException {
    ObjectNode req = MAPPER.createObjectNode();
    req.put("jsonrpc", "2.0");
    req.put("id", ids.incrementAndGet());
    req.put("method", method);
    ArrayNode p = req.putArray("params");
    for (Object o : params) {
      p.add(MAPPER.valueToTree(o));
    }
    HttpResponse<String> resp =
        http.send(
            HttpRequest.newBuilder(url)
                .timeout(timeout)
                .header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(MAPPER.writeValueAsString(req)))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (resp.statusCode() != 200) {
      throw new IOException(url + " answered HTTP " + resp.statusCode());
    }
    JsonNode body = MAPPER.readTree(resp.body());
    JsonNode err = body.get("error");
    if (err != null && !err.isNull()) {
      throw new RpcError(err.path("code").asInt(), err.path("message").asText());
    }
    return body;
  }

  /** Calls {@code method}; returns its {@code result}. */
  public JsonNode call(String method, Object... params) throws IOException, InterruptedException {
    return callRaw(method, params).get("result");
  }

  public URI url() {
    return url;
  }
}
