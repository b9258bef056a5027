package io.astraea.node.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.IntNode;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class JsonRpcDispatcherTest {
  private final ObjectMapper mapper = new ObjectMapper();
  private final AtomicLong version = new AtomicLong(42);

  private final JsonRpcDispatcher dispatcher =
      new JsonRpcDispatcher(
          mapper,
          Map.of(
              "add",
                  p -> {
                    p.expect(2, 2);
                    return IntNode.valueOf((int) (p.u64(0, "a") + p.u64(1, "b")));
                  },
              "boom",
                  p -> {
                    throw new IllegalStateException("internal detail that must not leak");
                  },
              "rejects",
                  p -> {
                    throw new JsonRpcException(JsonRpcError.VM_VALIDATION_ERROR, "INVALID_SIGNATURE");
                  }),
          () -> new LedgerMetadata(4, version.get(), 1_600_000_000_000_000L),
          3);

  private JsonNode call(String body) throws Exception {
    return mapper.readTree(dispatcher.handle(body.getBytes(StandardCharsets.UTF_8)));
  }

  private static int code(JsonNode response) {
    return response.get("error").get("code").asInt();
  }

  @Test
  void aCallReturnsItsResultWithTheLedgerMetadata() throws Exception {
    JsonNode r = call("{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"add\",\"params\":[2,3]}");
    assertEquals(5, r.get("result").asInt());
    assertEquals(7, r.get("id").asInt());
    assertEquals("2.0", r.get("jsonrpc").asText());
    assertEquals(4, r.get("diem_chain_id").asInt());
    assertEquals(42, r.get("diem_ledger_version").asLong());
    assertEquals(1_600_000_000_000_000L, r.get("diem_ledger_timestampusec").asLong());
  }

  @Test
  void garbageIsAParseError() throws Exception {
    assertEquals(-32700, code(call("{not json")));
    assertEquals(-32700, code(call("")));
    assertEquals(-32700, code(call("\u0000\u0001\u0002")));
  }

  @Test
  void malformedRequestsAreInvalidRequests() throws Exception {
    assertEquals(-32600, code(call("42")));
    assertEquals(-32600, code(call("{\"id\":1,\"method\":\"add\"}")));
    assertEquals(-32600, code(call("{\"jsonrpc\":\"1.0\",\"id\":1,\"method\":\"add\"}")));
    assertEquals(-32600, code(call("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":5}")));
    assertEquals(-32600, code(call("[]")));
  }

  @Test
  void unknownMethodsAndBadParamsHaveTheirCodes() throws Exception {
    assertEquals(-32601, code(call("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"nope\"}")));
    assertEquals(
        -32602, code(call("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"add\",\"params\":[1]}")));
    assertEquals(
        -32602,
        code(call("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"add\",\"params\":[1,\"x\"]}")));
    assertEquals(
        -32602,
        code(call("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"add\",\"params\":[-1,2]}")));
    assertEquals(
        -32602, code(call("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"add\",\"params\":{}}")));
  }

  @Test
  void methodErrorsKeepTheirDiemCodeAndCrashesDoNotLeakDetails() throws Exception {
    JsonNode rejected = call("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"rejects\"}");
    assertEquals(-32001, code(rejected));
    assertEquals("INVALID_SIGNATURE", rejected.get("error").get("message").asText());

    JsonNode boom = call("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"boom\"}");
    assertEquals(-32000, code(boom));
    assertTrue(!boom.toString().contains("internal detail"), boom.toString());
  }

  @Test
  void batchesAnswerEachRequestInOrderUpToTheLimit() throws Exception {
    JsonNode r =
        call(
            "[{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"add\",\"params\":[1,1]},"
                + "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"nope\"},"
                + "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"add\",\"params\":[2,2]}]");
    assertEquals(3, r.size());
    assertEquals(2, r.get(0).get("result").asInt());
    assertEquals(-32601, code(r.get(1)));
    assertEquals(4, r.get(2).get("result").asInt());
    assertEquals(3, r.get(2).get("id").asInt());

    String four = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"add\",\"params\":[1,1]}";
    assertEquals(-32600, code(call("[" + String.join(",", four, four, four, four) + "]")));
  }
}
