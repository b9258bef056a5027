package io.astraea.node.api.methods;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.astraea.crypto.HashValue;
import io.astraea.crypto.bcs.BcsReader;
import io.astraea.crypto.quorum.LedgerInfoWithSignatures;
import io.astraea.ledger.accumulator.AccumulatorConsistencyProof;
import io.astraea.ledger.accumulator.AccumulatorProof;
import io.astraea.ledger.accumulator.AccumulatorProofException;
import io.astraea.ledger.accumulator.AccumulatorRangeProof;
import io.astraea.ledger.accumulator.AccumulatorVerifier;
import io.astraea.ledger.accumulator.InMemoryAccumulator;
import io.astraea.ledger.jmt.SparseMerkleProof;
import io.astraea.ledger.jmt.SparseMerkleProofVerifier;
import io.astraea.ledger.state.AccountState;
import io.astraea.ledger.state.StateKeys;
import io.astraea.ledger.storage.EventWithProof;
import io.astraea.ledger.types.Bytes;
import io.astraea.ledger.types.ContractEvent;
import io.astraea.ledger.types.Transaction;
import io.astraea.ledger.types.TransactionInfo;
import io.astraea.node.api.JsonRpcDispatcher;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The proofs the verifiable-read methods return actually verify against the certified ledger. */
class ProofMethodsTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  @TempDir Path dir;

  private static JsonNode call(JsonRpcDispatcher d, String method, String params) throws Exception {
    String body = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"" + method + "\",\"params\":" + params + "}";
    return MAPPER.readTree(d.handle(body.getBytes()));
  }

  /** The node's JSON-RPC methods over {@code chain}'s ledger. */
  private static JsonRpcDispatcher dispatcher(TestChain chain) {
    DiemJsonRpcMethods m = new DiemJsonRpcMethods(chain.store, chain.submitter(), () -> 0);
    return new JsonRpcDispatcher(MAPPER, m.methods(), m::metadata, 10);
  }

  private static byte[] hex(JsonNode n) {
    return HexFormat.of().parseHex(n.asText());
  }

  @Test
  void stateAndAccountProofsVerify() throws Exception {
    try (TestChain chain = new TestChain(dir)) {
      JsonRpcDispatcher d = dispatcher(chain);
      assertEquals(-32000, call(d, "get_state_proof", "[0]").get("error").get("code").asInt());

      chain.block(List.of(chain.txn(chain.users.get(0), chain.user(0), 0,
          ScriptPayloads.peerToPeer("XUS", chain.user(1), 77, Bytes.EMPTY, Bytes.EMPTY))));
      LedgerInfoWithSignatures certified = chain.certify();
      long v = certified.ledgerInfo().version();
      HashValue root = certified.ledgerInfo().commitInfo().executedStateId();

      JsonNode sp = call(d, "get_state_proof", "[0]").get("result");
      LedgerInfoWithSignatures li =
          BcsReader.decode(hex(sp.get("ledger_info_with_signatures")), LedgerInfoWithSignatures::decode);
      assertEquals(certified, li);
      List<LedgerInfoWithSignatures> changes = BcsReader.decode(hex(sp.get("epoch_change_proof")), r -> {
        List<LedgerInfoWithSignatures> l = r.readSeq(LedgerInfoWithSignatures::decode);
        assertEquals(false, r.readBool());
        return l;
      });
      assertTrue(changes.isEmpty());
      AccumulatorConsistencyProof consistency =
          BcsReader.decode(hex(sp.get("ledger_consistency_proof")), AccumulatorConsistencyProof::decode);
      InMemoryAccumulator atGenesis = InMemoryAccumulator.transactions(chain.store.frozenSubtreeRoots(0), 1);
      AccumulatorVerifier.verifyConsistency(atGenesis, v + 1, root, consistency);

      JsonNode ap = call(d, "get_account_state_with_proof", "[\"" + chain.user(0).toHex() + "\"]").get("result");
      assertEquals(v, ap.get("version").asLong());
      byte[] blob = hex(ap.get("blob"));
      assertEquals(TestChain.FUNDS - 77, AccountState.fromBcs(blob).balance("XUS"));
      TransactionInfo info = TransactionInfo.fromBcs(hex(ap.get("proof").get("transaction_info")));
      SparseMerkleProof stateProof = BcsReader.decode(
          hex(ap.get("proof").get("transaction_info_to_account_proof")), SparseMerkleProof::decode);
      SparseMerkleProofVerifier.verify(info.stateRootHash(), StateKeys.accountKey(chain.user(0)), Optional.of(blob),
          stateProof);
      AccumulatorProof infoProof = BcsReader.decode(
          hex(ap.get("proof").get("ledger_info_to_transaction_info_proof")), AccumulatorProof::decode);
      AccumulatorVerifier.verifyInclusion(root, info.hash(), v, infoProof);

      JsonNode atGenesisAccount =
          call(d, "get_account_state_with_proof", "[\"" + chain.user(0).toHex() + "\", 0, " + v + "]").get("result");
      assertEquals(TestChain.FUNDS, AccountState.fromBcs(hex(atGenesisAccount.get("blob"))).balance("XUS"));

      // Version v - 1 (the block's metadata transaction) is inside the committed block: the node
      // keeps only the block's last tree, so this state is rebuilt, and must prove the same way.
      JsonNode inside =
          call(d, "get_account_state_with_proof", "[\"" + chain.user(0).toHex() + "\", " + (v - 1) + ", " + v + "]")
              .get("result");
      byte[] insideBlob = hex(inside.get("blob"));
      assertEquals(TestChain.FUNDS, AccountState.fromBcs(insideBlob).balance("XUS"));
      TransactionInfo insideInfo = TransactionInfo.fromBcs(hex(inside.get("proof").get("transaction_info")));
      assertEquals(chain.store.transactionInfo(v - 1), insideInfo);
      SparseMerkleProofVerifier.verify(insideInfo.stateRootHash(), StateKeys.accountKey(chain.user(0)),
          Optional.of(insideBlob), BcsReader.decode(
              hex(inside.get("proof").get("transaction_info_to_account_proof")), SparseMerkleProof::decode));
      AccumulatorVerifier.verifyInclusion(root, insideInfo.hash(), v - 1, BcsReader.decode(
          hex(inside.get("proof").get("ledger_info_to_transaction_info_proof")), AccumulatorProof::decode));

      String nobody = "00000000000000000000000000abcdef";
      JsonNode absent = call(d, "get_account_state_with_proof", "[\"" + nobody + "\"]").get("result");
      assertTrue(absent.get("blob").isNull());
      TransactionInfo absentInfo = TransactionInfo.fromBcs(hex(absent.get("proof").get("transaction_info")));
      SparseMerkleProofVerifier.verify(absentInfo.stateRootHash(),
          StateKeys.accountKey(io.astraea.crypto.AccountAddress.fromHex(nobody)), Optional.empty(),
          BcsReader.decode(hex(absent.get("proof").get("transaction_info_to_account_proof")), SparseMerkleProof::decode));

      assertEquals(-32602, call(d, "get_state_proof", "[" + (v + 1) + "]").get("error").get("code").asInt());
      assertEquals(-32602, call(d, "get_state_proof", "[\"x\"]").get("error").get("code").asInt());
      assertEquals(-32602, call(d, "get_account_state_with_proof",
          "[\"" + chain.user(0).toHex() + "\", " + (v + 1) + "]").get("error").get("code").asInt());
      assertEquals(-32602, call(d, "get_account_state_with_proof", "[\"zz\"]").get("error").get("code").asInt());
    }
  }

  @Test
  void transactionsWithProofsVerifyAgainstTheCertifiedLedgerInfo() throws Exception {
    try (TestChain chain = new TestChain(dir)) {
      JsonRpcDispatcher d = dispatcher(chain);
      chain.block(List.of(
          chain.txn(chain.users.get(0), chain.user(0), 0,
              ScriptPayloads.peerToPeer("XUS", chain.user(1), 77, Bytes.EMPTY, Bytes.EMPTY)),
          chain.txn(chain.users.get(1), chain.user(1), 0,
              ScriptPayloads.peerToPeer("XUS", chain.user(2), 5, Bytes.EMPTY, Bytes.EMPTY))));
      LedgerInfoWithSignatures certified = chain.certify();
      long v = certified.ledgerInfo().version();
      HashValue root = certified.ledgerInfo().commitInfo().executedStateId();

      // Genesis (version 0) is left out: the block's metadata and both transfers.
      JsonNode r = call(d, "get_transactions_with_proofs", "[1, 100, true]").get("result");
      List<Transaction> txns = new java.util.ArrayList<>();
      for (JsonNode t : r.get("serialized_transactions")) {
        txns.add(Transaction.fromBcs(hex(t)));
      }
      assertEquals(v, txns.size());
      List<TransactionInfo> infos =
          BcsReader.decode(hex(r.get("proofs").get("transaction_infos")), rd -> rd.readSeq(TransactionInfo::decode));
      List<List<ContractEvent>> events = BcsReader.decode(hex(r.get("serialized_events")),
          rd -> rd.readSeq(e -> e.readSeq(ContractEvent::decode)));
      assertEquals(txns.size(), infos.size());
      assertEquals(txns.size(), events.size());
      for (int i = 0; i < txns.size(); i++) {
        assertEquals(infos.get(i).transactionHash(), txns.get(i).hash(), "transaction " + (i + 1));
        assertEquals(infos.get(i).eventRootHash(),
            InMemoryAccumulator.eventRootHash(events.get(i).stream().map(ContractEvent::hash).toList()));
      }
      assertTrue(events.get(1).size() >= 2, "a transfer's sent and received payment events");
      AccumulatorRangeProof proof = BcsReader.decode(
          hex(r.get("proofs").get("ledger_info_to_transaction_infos_proof")), AccumulatorRangeProof::decode);
      List<HashValue> leaves = infos.stream().map(TransactionInfo::hash).toList();
      AccumulatorVerifier.verifyRange(root, 1, leaves, proof);
      assertThrows(AccumulatorProofException.class, () -> AccumulatorVerifier.verifyRange(root, 0, leaves, proof));
      List<HashValue> swapped = new java.util.ArrayList<>(leaves);
      java.util.Collections.swap(swapped, 0, 1);
      assertThrows(AccumulatorProofException.class, () -> AccumulatorVerifier.verifyRange(root, 1, swapped, proof));

      // Without events the field is left out, as Diem does; one transaction proves alone too.
      JsonNode one = call(d, "get_transactions_with_proofs", "[2, 1]").get("result");
      assertTrue(one.get("serialized_events") == null);
      assertEquals(1, one.get("serialized_transactions").size());
      AccumulatorVerifier.verifyRange(root, 2, List.of(infos.get(1).hash()), BcsReader.decode(
          hex(one.get("proofs").get("ledger_info_to_transaction_infos_proof")), AccumulatorRangeProof::decode));

      assertTrue(call(d, "get_transactions_with_proofs", "[" + (v + 1) + ", 10]").get("result").isNull());
      assertTrue(call(d, "get_transactions_with_proofs", "[0, 0]").get("result").isNull());
      assertEquals(-32600, call(d, "get_transactions_with_proofs", "[0, 1001]").get("error").get("code").asInt());
      assertEquals(-32602, call(d, "get_transactions_with_proofs", "[0]").get("error").get("code").asInt());
      assertEquals(-32602, call(d, "get_transactions_with_proofs", "[\"x\", 1]").get("error").get("code").asInt());
    }
  }

  @Test
  void accountTransactionsWithProofsVerifyAtTheLedgerVersionAsked() throws Exception {
    try (TestChain chain = new TestChain(dir)) {
      JsonRpcDispatcher d = dispatcher(chain);
      String sender = "\"" + chain.user(0).toHex() + "\"";
      for (long seq = 0; seq < 2; seq++) {
        chain.block(List.of(chain.txn(chain.users.get(0), chain.user(0), seq,
            ScriptPayloads.peerToPeer("XUS", chain.user(1), 10 + seq, Bytes.EMPTY, Bytes.EMPTY))));
      }
      LedgerInfoWithSignatures latest = chain.certify();
      HashValue root = latest.ledgerInfo().commitInfo().executedStateId();

      JsonNode all = call(d, "get_account_transactions_with_proofs", "[" + sender + ", 0, 10, true]").get("result");
      JsonNode list = all.get("serialized_txns_with_proofs");
      assertEquals(2, list.size());
      long previous = -1;
      for (int i = 0; i < 2; i++) {
        byte[] bytes = hex(list.get(i));
        long seq = i;
        BcsReader.decode(bytes, r -> {
          long version = r.readU64();
          Transaction txn = Transaction.decode(r);
          List<ContractEvent> events = r.readOption(e -> e.readSeq(ContractEvent::decode)).orElseThrow();
          AccumulatorProof proof = AccumulatorProof.decode(r);
          TransactionInfo info = TransactionInfo.decode(r);
          assertEquals(seq, ((Transaction.UserTransaction) txn).transaction().sequenceNumber());
          assertEquals(info.transactionHash(), txn.hash());
          assertEquals(info.eventRootHash(),
              InMemoryAccumulator.eventRootHash(events.stream().map(ContractEvent::hash).toList()));
          verifyInclusion(root, info, version, proof);
          return version;
        });
        long version = new BcsReader(bytes).readU64();
        assertTrue(version > previous);
        previous = version;
      }

      // At the version of the first block's commit: only the first transfer, proven at that root.
      long atFirst = new BcsReader(hex(list.get(0))).readU64(); // the first block ends with its transfer
      HashValue firstRoot = chain.store.accumulatorRoot(atFirst);
      JsonNode early = call(d, "get_account_transactions_with_proofs",
          "[" + sender + ", 0, 10, false, " + atFirst + "]").get("result").get("serialized_txns_with_proofs");
      assertEquals(1, early.size());
      BcsReader.decode(hex(early.get(0)), r -> {
        long version = r.readU64();
        Transaction.decode(r);
        assertTrue(r.readOption(e -> e.readSeq(ContractEvent::decode)).isEmpty(), "no events unless asked");
        AccumulatorProof proof = AccumulatorProof.decode(r);
        TransactionInfo info = TransactionInfo.decode(r);
        verifyInclusion(firstRoot, info, version, proof);
        assertThrows(AccumulatorProofException.class,
            () -> AccumulatorVerifier.verifyInclusion(root, info.hash(), version, proof));
        return version;
      });

      assertEquals(0, call(d, "get_account_transactions_with_proofs", "[" + sender + ", 2, 10, false]")
          .get("result").get("serialized_txns_with_proofs").size());
      assertEquals(-32602, call(d, "get_account_transactions_with_proofs",
          "[" + sender + ", 0, 10, false, " + (latest.ledgerInfo().version() + 1) + "]").get("error").get("code").asInt());
      assertEquals(-32602, call(d, "get_account_transactions_with_proofs", "[" + sender + ", 0, 10]")
          .get("error").get("code").asInt());
    }
  }

  @Test
  void eventsWithProofsVerifyUnderTheirTransactionsEventRoot() throws Exception {
    try (TestChain chain = new TestChain(dir)) {
      JsonRpcDispatcher d = dispatcher(chain);
      for (long seq = 0; seq < 2; seq++) {
        chain.block(List.of(chain.txn(chain.users.get(0), chain.user(0), seq,
            ScriptPayloads.peerToPeer("XUS", chain.user(1), 10 + seq, Bytes.EMPTY, Bytes.EMPTY))));
      }
      HashValue root = chain.certify().ledgerInfo().commitInfo().executedStateId();
      String key = call(d, "get_account", "[\"" + chain.user(0).toHex() + "\"]").get("result")
          .get("sent_events_key").asText();

      JsonNode r = call(d, "get_events_with_proofs", "[\"" + key + "\", 0, 10]").get("result");
      assertEquals(2, r.size());
      for (int i = 0; i < 2; i++) {
        long seq = i;
        BcsReader.decode(hex(r.get(i).get("event_with_proof")), rd -> {
          long version = rd.readU64();
          long index = rd.readU64();
          ContractEvent event = ContractEvent.decode(rd);
          AccumulatorProof infoProof = AccumulatorProof.decode(rd);
          TransactionInfo info = TransactionInfo.decode(rd);
          AccumulatorProof eventProof = AccumulatorProof.decode(rd);
          assertEquals(key, event.key().toHex());
          assertEquals(seq, event.sequenceNumber());
          verifyInclusion(root, info, version, infoProof);
          try {
            AccumulatorVerifier.verifyEventInclusion(info.eventRootHash(), event.hash(), index, eventProof);
          } catch (AccumulatorProofException e) {
            throw new AssertionError("event " + seq + ": " + e.getMessage(), e);
          }
          assertThrows(AccumulatorProofException.class,
              () -> AccumulatorVerifier.verifyEventInclusion(info.eventRootHash(), event.hash(), index + 1, eventProof));
          return index;
        });
      }

      // Pinned to an earlier ledger version (Astraea's fourth parameter): only what it had, proven there.
      EventWithProof first = BcsReader.decode(hex(r.get(0).get("event_with_proof")), EventWithProof::decode);
      long early = first.transactionVersion();
      JsonNode pinned = call(d, "get_events_with_proofs", "[\"" + key + "\", 0, 10, " + early + "]").get("result");
      assertEquals(1, pinned.size());
      assertEquals(0, provenSequence(pinned.get(0), chain.store.accumulatorRoot(early)));
      assertEquals(-32602, call(d, "get_events_with_proofs",
          "[\"" + key + "\", 0, 10, " + (chain.store.latestVersion() + 1) + "]").get("error").get("code").asInt());

      assertEquals(1, call(d, "get_events_with_proofs", "[\"" + key + "\", 1, 10]").get("result").size());
      assertEquals(0, call(d, "get_events_with_proofs", "[\"" + key + "\", 2, 10]").get("result").size());
      assertEquals(-32602, call(d, "get_events_with_proofs", "[\"00ff\", 0, 10]").get("error").get("code").asInt());
      assertEquals(-32600,
          call(d, "get_events_with_proofs", "[\"" + key + "\", 0, 1001]").get("error").get("code").asInt());
    }
  }

  @Test
  void eventByVersionBracketsTheVersionWithTheEventsAroundIt() throws Exception {
    try (TestChain chain = new TestChain(dir)) {
      JsonRpcDispatcher d = dispatcher(chain);
      long[] versions = new long[3];
      for (long seq = 0; seq < 3; seq++) {
        chain.block(List.of(chain.txn(chain.users.get(0), chain.user(0), seq,
            ScriptPayloads.peerToPeer("XUS", chain.user(1), 10 + seq, Bytes.EMPTY, Bytes.EMPTY))));
        versions[(int) seq] = chain.store.latestVersion();
      }
      HashValue root = chain.certify().ledgerInfo().commitInfo().executedStateId();
      String key = call(d, "get_account", "[\"" + chain.user(0).toHex() + "\"]").get("result")
          .get("sent_events_key").asText();
      String quiet = call(d, "get_account", "[\"" + chain.user(2).toHex() + "\"]").get("result")
          .get("sent_events_key").asText();

      assertEquals(List.of(), fieldNames(byVersion(d, quiet, "")));
      JsonNode before = byVersion(d, key, ", " + (versions[0] - 1));
      assertEquals(List.of("upper_bound_excl"), fieldNames(before));
      assertEquals(0, provenSequence(before.get("upper_bound_excl"), root));
      for (int i = 0; i < 3; i++) {
        for (long v : new long[] {versions[i], versions[i] + (i < 2 ? 1 : 0)}) {
          JsonNode at = byVersion(d, key, ", " + v);
          assertEquals(i, provenSequence(at.get("lower_bound_incl"), root), "version " + v);
          if (i < 2) {
            assertEquals(i + 1, provenSequence(at.get("upper_bound_excl"), root), "version " + v);
          } else {
            assertEquals(List.of("lower_bound_incl"), fieldNames(at));
          }
        }
      }
      assertEquals(2, provenSequence(byVersion(d, key, "").get("lower_bound_incl"), root));
      long certified = chain.store.latestVersion();
      assertEquals(-32602, call(d, "get_event_by_version_with_proof", "[\"" + key + "\", " + (certified + 1) + "]")
          .get("error").get("code").asInt());
    }
  }

  private static JsonNode byVersion(JsonRpcDispatcher d, String key, String version) throws Exception {
    return call(d, "get_event_by_version_with_proof", "[\"" + key + "\"" + version + "]").get("result");
  }

  private static List<String> fieldNames(JsonNode o) {
    List<String> names = new java.util.ArrayList<>();
    o.fieldNames().forEachRemaining(names::add);
    return names;
  }

  /** Decodes and verifies one {@code {event_with_proof}} against {@code root}; its sequence number. */
  private static long provenSequence(JsonNode bound, HashValue root) throws Exception {
    EventWithProof e = BcsReader.decode(hex(bound.get("event_with_proof")), EventWithProof::decode);
    verifyInclusion(root, e.info(), e.transactionVersion(), e.infoProof());
    AccumulatorVerifier.verifyEventInclusion(e.info().eventRootHash(), e.event().hash(), e.eventIndex(), e.eventProof());
    return e.event().sequenceNumber();
  }

  private static void verifyInclusion(HashValue root, TransactionInfo info, long version, AccumulatorProof proof) {
    try {
      AccumulatorVerifier.verifyInclusion(root, info.hash(), version, proof);
    } catch (AccumulatorProofException e) {
      throw new AssertionError("version " + version + ": " + e.getMessage(), e);
    }
  }
}
