package io.astraea.node.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import io.netty.handler.codec.http.FullHttpRequest;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HttpApiServerTest {
  private final ObjectMapper mapper = new ObjectMapper();
  private final HttpClient client = HttpClient.newHttpClient();
  private HttpApiServer server;
  private String base;

  @BeforeEach
  void start() throws Exception {
    JsonRpcDispatcher rpc =
        new JsonRpcDispatcher(
            mapper,
            Map.of("echo", p -> TextNode.valueOf(p.expect(1, 1).string(0, "s"))),
            () -> new LedgerMetadata(4, 10, 20),
            20);
    server =
        new HttpApiServer(
            Map.of(
                "/v1", new JsonRpcRoute(rpc),
                "/healthz", req -> HttpReply.text(200, "ok\n"),
                "/crash", req -> {
                  throw new IllegalStateException("route bug");
                }),
            1024,
            2);
    InetSocketAddress addr = server.start(new InetSocketAddress("127.0.0.1", 0));
    base = "http://127.0.0.1:" + addr.getPort();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private HttpResponse<String> post(String path, String body) throws Exception {
    return client.send(
        HttpRequest.newBuilder(URI.create(base + path))
            .header("content-type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void jsonRpcOverHttp() throws Exception {
    HttpResponse<String> r = post("/v1", "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"echo\",\"params\":[\"hi\"]}");
    assertEquals(200, r.statusCode());
    assertEquals("hi", mapper.readTree(r.body()).get("result").asText());
    assertEquals(10, mapper.readTree(r.body()).get("diem_ledger_version").asLong());
  }

  @Test
  void garbageGetsAJsonRpcParseErrorAndTheServerKeepsServing() throws Exception {
    HttpResponse<String> r = post("/v1", "}}}garbage");
    assertEquals(200, r.statusCode());
    assertEquals(-32700, mapper.readTree(r.body()).get("error").get("code").asInt());
    assertEquals(200, post("/v1", "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"echo\",\"params\":[\"x\"]}").statusCode());
  }

  @Test
  void httpLevelErrors() throws Exception {
    assertEquals(
        405,
        client
            .send(HttpRequest.newBuilder(URI.create(base + "/v1")).GET().build(), HttpResponse.BodyHandlers.ofString())
            .statusCode());
    assertEquals(404, post("/nope", "{}").statusCode());
    assertEquals(413, post("/v1", "x".repeat(4096)).statusCode());
    assertEquals(500, post("/crash", "{}").statusCode());
    assertEquals(
        200,
        client
            .send(HttpRequest.newBuilder(URI.create(base + "/healthz")).GET().build(), HttpResponse.BodyHandlers.ofString())
            .statusCode());
  }

  /**
   * A route that waits answers through a future and holds no worker: with a single worker, the
   * other routes answer while several such requests wait, and a failed wait is a 500.
   */
  @Test
  void aWaitingRouteHoldsNoWorker() throws Exception {
    CompletableFuture<HttpReply> release = new CompletableFuture<>();
    HttpRoute slow = answeringWith(release);
    HttpRoute failing = answeringWith(CompletableFuture.failedFuture(new IllegalStateException("boom")));
    try (HttpApiServer one = new HttpApiServer(
        Map.of("/slow", slow, "/failing", failing, "/healthz", req -> HttpReply.text(200, "ok\n")), 1024, 1)) {
      String at = "http://127.0.0.1:" + one.start(new InetSocketAddress("127.0.0.1", 0)).getPort();
      List<CompletableFuture<HttpResponse<String>>> waiting = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        waiting.add(client.sendAsync(
            HttpRequest.newBuilder(URI.create(at + "/slow")).POST(HttpRequest.BodyPublishers.noBody()).build(),
            HttpResponse.BodyHandlers.ofString()));
      }
      for (int i = 0; i < 3; i++) {
        HttpResponse<String> health = client.send(
            HttpRequest.newBuilder(URI.create(at + "/healthz")).timeout(Duration.ofSeconds(5)).GET().build(),
            HttpResponse.BodyHandlers.ofString());
        assertEquals("ok\n", health.body());
      }
      assertEquals(500, client.send(
          HttpRequest.newBuilder(URI.create(at + "/failing")).timeout(Duration.ofSeconds(5)).GET().build(),
          HttpResponse.BodyHandlers.ofString()).statusCode());
      for (CompletableFuture<HttpResponse<String>> w : waiting) {
        assertFalse(w.isDone(), "a slow request is still waiting");
      }
      release.complete(HttpReply.text(200, "done\n"));
      for (CompletableFuture<HttpResponse<String>> w : waiting) {
        assertEquals("done\n", w.get(5, TimeUnit.SECONDS).body());
      }
    }
  }

  /** A route that answers only through {@code answer}; the server must never call its blocking form. */
  private static HttpRoute answeringWith(CompletableFuture<HttpReply> answer) {
    return new HttpRoute() {
      @Override
      public HttpReply handle(FullHttpRequest request) {
        throw new AssertionError("the server must not call the blocking form");
      }

      @Override
      public CompletableFuture<HttpReply> handleAsync(FullHttpRequest request) {
        return answer;
      }
    };
  }
}
