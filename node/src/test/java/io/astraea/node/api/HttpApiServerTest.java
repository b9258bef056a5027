package io.astraea.node.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import io.netty.handler.codec.http.FullHttpRequest;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
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

  /** A route that waits runs on threads of its own: while it waits, the other routes answer. */
  @Test
  void aWaitingRouteDoesNotHoldUpTheOthers() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    HttpRoute slow = new HttpRoute() {
      @Override
      public HttpReply handle(FullHttpRequest request) {
        try {
          release.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        return HttpReply.text(200, "done\n");
      }

      @Override
      public boolean waits() {
        return true;
      }
    };
    // One worker for each kind: a waiting route on the shared worker would block /healthz.
    try (HttpApiServer one = new HttpApiServer(Map.of("/slow", slow, "/healthz", req -> HttpReply.text(200, "ok\n")),
        1024, 1, 1)) {
      String at = "http://127.0.0.1:" + one.start(new InetSocketAddress("127.0.0.1", 0)).getPort();
      CompletableFuture<HttpResponse<String>> waiting = client.sendAsync(
          HttpRequest.newBuilder(URI.create(at + "/slow")).POST(HttpRequest.BodyPublishers.noBody()).build(),
          HttpResponse.BodyHandlers.ofString());
      for (int i = 0; i < 3; i++) {
        HttpResponse<String> health = client.send(
            HttpRequest.newBuilder(URI.create(at + "/healthz")).timeout(Duration.ofSeconds(5)).GET().build(),
            HttpResponse.BodyHandlers.ofString());
        assertEquals("ok\n", health.body());
      }
      assertTrue(!waiting.isDone(), "the slow request is still waiting");
      release.countDown();
      assertEquals("done\n", waiting.get(5, TimeUnit.SECONDS).body());
    }
  }
}
