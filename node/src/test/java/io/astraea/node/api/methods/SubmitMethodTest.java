package io.astraea.node.api.methods;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.astraea.ledger.types.Bytes;
import io.astraea.ledger.types.RawTransaction;
import io.astraea.ledger.types.SignedTransaction;
import io.astraea.ledger.types.StatusCode;
import io.astraea.ledger.types.TransactionAuthenticator;
import io.astraea.node.api.JsonRpcDispatcher;
import io.astraea.node.mempool.MempoolRejection;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code submit}: decoding, hand-off to the submitter, and Diem's error codes for refusals. */
class SubmitMethodTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  @TempDir Path dir;

  private static JsonNode submit(JsonRpcDispatcher d, String hex) throws Exception {
    String body = "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"submit\",\"params\":[\"" + hex + "\"]}";
    return MAPPER.readTree(d.handle(body.getBytes()));
  }

  private static JsonRpcDispatcher dispatcher(TestChain chain, TransactionSubmitter s) {
    DiemJsonRpcMethods m = new DiemJsonRpcMethods(chain.store, s, () -> 0);
    return new JsonRpcDispatcher(MAPPER, m.methods(), m::metadata, 10);
  }

  private static SignedTransaction payment(TestChain chain, long seq, long amount) {
    return chain.txn(chain.users.get(0), chain.user(0), seq,
        ScriptPayloads.peerToPeer("XUS", chain.user(1), amount, Bytes.EMPTY, Bytes.EMPTY));
  }

  @Test
  void acceptedTransactionReturnsNullAndReachesTheLedger() throws Exception {
    try (TestChain chain = new TestChain(dir)) {
      List<SignedTransaction> seen = new ArrayList<>();
      TransactionSubmitter executing = chain.submitter();
      JsonRpcDispatcher d = dispatcher(chain, t -> {
        seen.add(t);
        executing.submit(t);
      });
      SignedTransaction t = payment(chain, 0, 42);
      JsonNode r = submit(d, "0x" + HexFormat.of().formatHex(t.toBcs()));
      assertTrue(r.get("result").isNull(), r.toString());
      assertEquals(7, r.get("id").asInt());
      assertEquals(List.of(t), seen);
      assertTrue(chain.store.transactionByAccountSequence(chain.user(0), 0, chain.store.latestVersion(), false)
          .isPresent());
    }
  }

  @Test
  void validationFailureIsVmValidationErrorWithTheStatus() throws Exception {
    try (TestChain chain = new TestChain(dir)) {
      JsonRpcDispatcher d = dispatcher(chain, chain.submitter());
      SignedTransaction good = payment(chain, 0, 42);
      RawTransaction other = payment(chain, 0, 43).rawTxn();
      SignedTransaction forged = new SignedTransaction(good.rawTxn(), new TransactionAuthenticator.Ed25519(
          chain.users.get(0).publicKey(), chain.users.get(0).sign(other.signingMessage())));
      JsonNode err = submit(d, HexFormat.of().formatHex(forged.toBcs())).get("error");
      assertEquals(-32001, err.get("code").asInt(), err.toString());
      assertTrue(err.get("message").asText().contains("INVALID_SIGNATURE"), err.toString());
      assertEquals(StatusCode.INVALID_SIGNATURE.code(), err.get("data").get("StatusCode").asLong());

      assertTrue(submit(d, HexFormat.of().formatHex(good.toBcs())).get("result").isNull());
      JsonNode stale = submit(d, HexFormat.of().formatHex(payment(chain, 0, 1).toBcs())).get("error");
      assertEquals(-32001, stale.get("code").asInt(), stale.toString());
      assertTrue(stale.get("message").asText().contains("SEQUENCE_NUMBER_TOO_OLD"), stale.toString());
      assertEquals(StatusCode.SEQUENCE_NUMBER_TOO_OLD.code(), stale.get("data").get("StatusCode").asLong());
    }
  }

  @ParameterizedTest
  @CsvSource({"INVALID_SEQ_NUMBER,-32007", "MEMPOOL_FULL,-32008", "TOO_MANY_TRANSACTIONS,-32009",
      "INVALID_UPDATE,-32010"})
  void mempoolRefusalsKeepDiemCodes(MempoolRejection.Reason reason, int code) throws Exception {
    try (TestChain chain = new TestChain(dir)) {
      JsonRpcDispatcher d = dispatcher(chain, t -> {
        throw new MempoolRejection(reason, "refused for the test");
      });
      JsonNode err = submit(d, HexFormat.of().formatHex(payment(chain, 0, 1).toBcs())).get("error");
      assertEquals(code, err.get("code").asInt(), err.toString());
      assertTrue(err.get("message").asText().contains("refused for the test"), err.toString());
    }
  }

  @Test
  void garbageIsInvalidParams() throws Exception {
    try (TestChain chain = new TestChain(dir)) {
      List<SignedTransaction> seen = new ArrayList<>();
      JsonRpcDispatcher d = dispatcher(chain, seen::add);
      byte[] good = payment(chain, 0, 1).toBcs();
      byte[] truncated = java.util.Arrays.copyOf(good, good.length - 3);
      byte[] trailing = java.util.Arrays.copyOf(good, good.length + 1);
      for (String bad : List.of("zz", "", HexFormat.of().formatHex(truncated), HexFormat.of().formatHex(trailing))) {
        JsonNode r = submit(d, bad);
        assertEquals(-32602, r.get("error").get("code").asInt(), bad + " -> " + r);
      }
      String noParams = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"submit\",\"params\":[]}";
      assertEquals(-32602, MAPPER.readTree(d.handle(noParams.getBytes())).get("error").get("code").asInt());
      assertTrue(seen.isEmpty());
    }
  }
}
