package io.astraea.node.api.methods;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.astraea.crypto.AccountAddress;
import io.astraea.crypto.CryptoMaterialException;
import io.astraea.crypto.HashValue;
import io.astraea.crypto.bcs.BcsException;
import io.astraea.ledger.execution.StandardScript;
import io.astraea.ledger.state.AccountState;
import io.astraea.ledger.state.CurrencyInfo;
import io.astraea.ledger.state.SystemState;
import io.astraea.ledger.storage.EventWithVersion;
import io.astraea.ledger.storage.LedgerStore;
import io.astraea.ledger.storage.StorageException;
import io.astraea.ledger.storage.TransactionWithInfo;
import io.astraea.ledger.storage.TransactionWithProof;
import io.astraea.ledger.types.EventKey;
import io.astraea.ledger.types.SignedTransaction;
import io.astraea.node.api.JsonRpcError;
import io.astraea.node.api.JsonRpcException;
import io.astraea.node.api.JsonRpcMethod;
import io.astraea.node.api.LedgerMetadata;
import io.astraea.node.api.Params;
import io.astraea.node.mempool.MempoolRejection;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.IntSupplier;

/**
 * Diem's JSON-RPC methods over the node's committed ledger: {@code submit} through a
 * {@link TransactionSubmitter}, and the read methods ({@code get_metadata}, {@code get_account},
 * {@code get_transactions}, {@code get_account_transaction(s)}, {@code get_events},
 * {@code get_currencies}, {@code get_network_status}, {@code get_state_proof},
 * {@code get_account_state_with_proof}) with Diem's parameters, response shapes,
 * page limits and error codes. Each call reads one snapshot: the latest committed version when it
 * starts.
 */
public final class DiemJsonRpcMethods {
  /** Diem's default page-size limit for transactions and events. */
  public static final int MAX_PAGE = 1000;

  private final LedgerReader ledger;
  private final TransactionSubmitter submitter;
  private final IntSupplier connectedPeers;
  private final ProofMethods proofs;

  /**
   * @param connectedPeers the number of validators this node currently has a link to, for
   *     {@code get_network_status}
   */
  public DiemJsonRpcMethods(LedgerStore store, TransactionSubmitter submitter, IntSupplier connectedPeers) {
    this.ledger = new LedgerReader(store);
    this.submitter = submitter;
    this.connectedPeers = connectedPeers;
    this.proofs = new ProofMethods(ledger);
  }

  /** The method table for {@link io.astraea.node.api.JsonRpcDispatcher}. */
  public Map<String, JsonRpcMethod> methods() {
    Map<String, JsonRpcMethod> m = new TreeMap<>();
    m.put("submit", this::submit);
    m.put("get_metadata", this::getMetadata);
    m.put("get_account", this::getAccount);
    m.put("get_transactions", this::getTransactions);
    m.put("get_account_transaction", this::getAccountTransaction);
    m.put("get_account_transactions", this::getAccountTransactions);
    m.put("get_events", this::getEvents);
    m.put("get_currencies", this::getCurrencies);
    m.put("get_network_status", this::getNetworkStatus);
    m.put("get_state_proof", proofs::getStateProof);
    m.put("get_account_state_with_proof",
        p -> proofs.getAccountStateWithProof(p.expect(1, 3), address(p, 0, "account")));
    m.put("get_transactions_with_proofs", proofs::getTransactionsWithProofs);
    m.put("get_events_with_proofs", proofs::getEventsWithProofs);
    m.put("get_event_by_version_with_proof", proofs::getEventByVersionWithProof);
    m.put("get_account_transactions_with_proofs",
        p -> proofs.getAccountTransactionsWithProofs(p.expect(4, 5), address(p, 0, "account")));
    return m;
  }

  /**
   * The {@code diem_chain_id} / {@code diem_ledger_version} / {@code diem_ledger_timestampusec}
   * snapshot for the dispatcher: the latest committed version and its block time.
   */
  public LedgerMetadata metadata() {
    long v = ledger.latestVersion();
    if (v < 0) {
      return new LedgerMetadata(0, 0, 0);
    }
    try {
      SystemState s = ledger.system(v);
      return new LedgerMetadata(s.chainId().id(), v, s.timestampUsecs());
    } catch (StorageException e) {
      throw new IllegalStateException("cannot read the ledger metadata: " + e.getMessage(), e);
    }
  }

  // ---- methods

  private JsonNode submit(Params p) throws JsonRpcException {
    p.expect(1, 1);
    SignedTransaction txn;
    try {
      txn = SignedTransaction.fromBcs(p.hex(0, "data"));
    } catch (BcsException e) {
      throw JsonRpcException.invalidParams("Invalid param data: not a BCS SignedTransaction: " + e.getMessage());
    }
    try {
      submitter.submit(txn);
    } catch (MempoolRejection r) {
      throw SubmitErrors.of(r);
    }
    return Json.F.nullNode();
  }

  private JsonNode getMetadata(Params p) throws JsonRpcException {
    p.expect(0, 1);
    long latest = latest();
    long version = p.has(0) ? p.u64(0, "version") : latest;
    requireAtMost("version", version, latest, "latest version");
    return read(() -> {
      SystemState s = ledger.system(version);
      ObjectNode o = Json.F.objectNode();
      o.set("version", Json.u64(version));
      o.put("accumulator_root_hash", ledger.store().accumulatorRoot(version).toHex());
      o.set("timestamp", Json.u64(s.timestampUsecs()));
      o.put("chain_id", s.chainId().id());
      if (version == latest) {
        TreeSet<String> allowed = new TreeSet<>();
        for (StandardScript script : StandardScript.values()) {
          script.codeHash().map(HashValue::toHex).ifPresent(allowed::add);
        }
        ArrayNode list = o.putArray("script_hash_allow_list");
        allowed.forEach(list::add);
        o.put("module_publishing_allowed", false);
      }
      return o;
    });
  }

  private JsonNode getAccount(Params p) throws JsonRpcException {
    p.expect(1, 2);
    AccountAddress address = address(p, 0, "account");
    long latest = latest();
    long version = p.has(1) ? p.u64(1, "version") : latest;
    requireAtMost("version", version, latest, "latest version");
    return read(() -> {
      Optional<AccountState> s = ledger.account(address, version);
      return s.<JsonNode>map(a -> AccountJson.of(address, a, version)).orElse(Json.F.nullNode());
    });
  }

  private JsonNode getTransactions(Params p) throws JsonRpcException {
    p.expect(3, 3);
    long start = p.u64(0, "start_version");
    long limit = pageLimit(p.u64(1, "limit"));
    boolean events = p.bool(2, "include_events");
    long latest = latest();
    ArrayNode out = Json.F.arrayNode();
    if (start > latest || limit == 0) {
      return out;
    }
    return read(() -> {
      for (TransactionWithInfo t : ledger.store().transactions(start, (int) limit, latest, events).transactions()) {
        out.add(TransactionJson.of(t, events));
      }
      return out;
    });
  }

  private JsonNode getAccountTransaction(Params p) throws JsonRpcException {
    p.expect(3, 3);
    AccountAddress address = address(p, 0, "account");
    long seq = p.u64(1, "sequence_number");
    boolean events = p.bool(2, "include_events");
    long latest = latest();
    return read(() -> {
      Optional<TransactionWithProof> t = ledger.store().transactionByAccountSequence(address, seq, latest, events);
      return t.<JsonNode>map(x -> TransactionJson.of(x.transaction(), events)).orElse(Json.F.nullNode());
    });
  }

  private JsonNode getAccountTransactions(Params p) throws JsonRpcException {
    p.expect(4, 4);
    AccountAddress address = address(p, 0, "account");
    long start = p.u64(1, "start");
    long limit = pageLimit(p.u64(2, "limit"));
    boolean events = p.bool(3, "include_events");
    long latest = latest();
    return read(() -> {
      ArrayNode out = Json.F.arrayNode();
      for (long seq = start; seq - start < limit && seq >= 0; seq++) {
        Optional<TransactionWithProof> t = ledger.store().transactionByAccountSequence(address, seq, latest, events);
        if (t.isEmpty()) {
          break;
        }
        out.add(TransactionJson.of(t.get().transaction(), events));
      }
      return out;
    });
  }

  private JsonNode getEvents(Params p) throws JsonRpcException {
    p.expect(3, 3);
    EventKey key = eventKey(p, 0);
    long start = p.u64(1, "start");
    long limit = pageLimit(p.u64(2, "limit"));
    return read(() -> {
      ArrayNode out = Json.F.arrayNode();
      for (EventWithVersion e : ledger.store().eventsByKey(key, start, (int) limit)) {
        out.add(EventJson.of(e.event(), e.transactionVersion()));
      }
      return out;
    });
  }

  private JsonNode getCurrencies(Params p) throws JsonRpcException {
    p.expect(0, 0);
    long latest = latest();
    return read(() -> {
      ArrayNode out = Json.F.arrayNode();
      for (CurrencyInfo c : ledger.system(latest).currencies().values()) {
        out.add(CurrencyJson.of(c));
      }
      return out;
    });
  }

  private JsonNode getNetworkStatus(Params p) throws JsonRpcException {
    p.expect(0, 0);
    return Json.F.numberNode(connectedPeers.getAsInt());
  }

  // ---- helpers

  private long latest() throws JsonRpcException {
    long v = ledger.latestVersion();
    if (v < 0) {
      throw new JsonRpcException(JsonRpcError.SERVER_ERROR, "Server error: the ledger has no committed version yet");
    }
    return v;
  }

  /** Diem answers a page over its limit with an invalid-request error. */
  static long pageLimit(long limit) throws JsonRpcException {
    if (limit > MAX_PAGE) {
      throw new JsonRpcException(
          JsonRpcError.INVALID_REQUEST, "Invalid Request: page size = " + limit + ", exceed limit " + MAX_PAGE);
    }
    return limit;
  }

  /** Refuses a version parameter past what the ledger (or the request) allows, as Diem words it. */
  static void requireAtMost(String name, long value, long bound, String boundName) throws JsonRpcException {
    if (value > bound) {
      throw JsonRpcException.invalidParams(
          "Invalid param " + name + "(" + value + ") should <= " + boundName + " " + bound);
    }
  }

  static EventKey eventKey(Params p, int i) throws JsonRpcException {
    byte[] keyBytes = p.hex(i, "key");
    if (keyBytes.length != EventKey.LENGTH) {
      throw JsonRpcException.invalidParams("Invalid param key: an event key is 24 bytes, got " + keyBytes.length);
    }
    return EventKey.fromBytes(keyBytes);
  }

  private static AccountAddress address(Params p, int i, String name) throws JsonRpcException {
    String s = p.string(i, name);
    try {
      return AccountAddress.fromHex(s);
    } catch (CryptoMaterialException e) {
      throw JsonRpcException.invalidParams("Invalid param " + name + "(" + s + "): " + e.getMessage());
    }
  }

  /** A storage read whose failures become Diem's default server error. */
  private static JsonNode read(ProofMethods.Read<JsonNode> r) throws JsonRpcException {
    return ProofMethods.read(r);
  }
}
