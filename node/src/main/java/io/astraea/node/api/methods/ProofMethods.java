package io.astraea.node.api.methods;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.astraea.crypto.AccountAddress;
import io.astraea.crypto.bcs.BcsWriter;
import io.astraea.crypto.quorum.LedgerInfoWithSignatures;
import io.astraea.ledger.state.StateKeys;
import io.astraea.ledger.storage.AccountStateWithProof;
import io.astraea.ledger.storage.EventWithProof;
import io.astraea.ledger.storage.StorageException;
import io.astraea.ledger.storage.TransactionListWithProof;
import io.astraea.ledger.storage.TransactionWithInfo;
import io.astraea.ledger.storage.TransactionWithProof;
import io.astraea.ledger.types.ContractEvent;
import io.astraea.ledger.types.EventKey;
import io.astraea.ledger.types.TransactionInfo;
import io.astraea.node.api.JsonRpcError;
import io.astraea.node.api.JsonRpcException;
import io.astraea.node.api.Params;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The verifiable-read methods, as Diem shapes them: every proof is the hex of its BCS bytes.
 *
 * <ul>
 *   <li>{@code get_state_proof(version)}: the latest ledger info with signatures, the epoch change
 *       proof from the epoch the client knows (the one at {@code version}) to the latest one
 *       ({@code {ledger_info_with_sigs: [...], more: false}}), and the accumulator consistency
 *       proof from {@code version} to the certified version.
 *   <li>{@code get_account_state_with_proof(account, version?, ledger_version?)}: the account's
 *       state blob at {@code version} with the sparse Merkle proof to that version's state root,
 *       the {@code TransactionInfo} holding that root, and its accumulator proof at
 *       {@code ledger_version} (default: the latest certified version).
 *   <li>{@code get_transactions_with_proofs(start_version, limit, include_events?)}: up to
 *       {@code limit} transactions from {@code start_version} ({@code serialized_transactions}, the
 *       BCS of each), their {@code TransactionInfo}s and one accumulator range proof for them, at
 *       the latest certified version, the one {@code get_state_proof} certifies; with {@code
 *       include_events}, also {@code serialized_events}, the BCS of each transaction's event list.
 *       {@code null} when {@code start_version} is past that version or {@code limit} is 0.
 *   <li>{@code get_account_transactions_with_proofs(account, start, limit, include_events,
 *       ledger_version?)}: the account's sent transactions with sequence numbers {@code start ..},
 *       at most {@code limit}, stopping at the first one not committed by {@code ledger_version}
 *       (default: the latest certified version), as {@code serialized_txns_with_proofs}: each the
 *       BCS of a {@code TransactionWithProof} (version, transaction, its events if asked for, the
 *       accumulator proof of its info at {@code ledger_version}, and the info).
 *   <li>{@code get_events_with_proofs(key, start, limit, ledger_version?)}: the stream's events from
 *       sequence number {@code start}, at most {@code limit}, emitted by {@code ledger_version}
 *       (default: the latest certified version; the parameter is Astraea's, so that a client can
 *       pin the version its ledger info certifies), each as {@code {event_with_proof: <hex BCS
 *       EventWithProof>}} with proofs at that version.
 *   <li>{@code get_event_by_version_with_proof(key, version?)}: the stream's last event at or before
 *       {@code version} (default: the latest certified version) as {@code lower_bound_incl}, and
 *       the one after it as {@code upper_bound_excl}, each present only if it exists by the latest
 *       certified version, with proofs there; {@code {}} for a stream without events.
 * </ul>
 */
final class ProofMethods {
  private final LedgerReader ledger;

  ProofMethods(LedgerReader ledger) {
    this.ledger = ledger;
  }

  JsonNode getStateProof(Params p) throws JsonRpcException {
    p.expect(1, 1);
    long version = p.u64(0, "version");
    LedgerInfoWithSignatures li = latestLedgerInfo();
    long certified = li.ledgerInfo().version();
    DiemJsonRpcMethods.requireAtMost("version", version, certified, "latest certified version");
    return read(() -> {
      long clientEpoch = ledger.system(version).epoch();
      List<LedgerInfoWithSignatures> changes =
          ledger.store().epochEndingLedgerInfos(clientEpoch, li.ledgerInfo().epoch());
      BcsWriter epochChange = new BcsWriter();
      epochChange.writeSeq(changes).writeBool(false);
      ObjectNode o = Json.F.objectNode();
      o.put("ledger_info_with_signatures", Json.hex(li.toBcs()));
      o.put("epoch_change_proof", Json.hex(epochChange.toByteArray()));
      o.put("ledger_consistency_proof", Json.hex(ledger.store().consistencyProof(version, certified).toBcs()));
      return o;
    });
  }

  JsonNode getAccountStateWithProof(Params p, AccountAddress account) throws JsonRpcException {
    long ledgerVersion = p.has(2) ? p.u64(2, "ledger_version") : certifiedOrLatest();
    long version = p.has(1) ? p.u64(1, "version") : ledgerVersion;
    long latest = ledger.latestVersion();
    DiemJsonRpcMethods.requireAtMost("ledger_version", ledgerVersion, latest, "latest version");
    DiemJsonRpcMethods.requireAtMost("version", version, ledgerVersion, "ledger_version");
    return read(() -> {
      AccountStateWithProof s = ledger.store().accountStateWithProof(StateKeys.accountKey(account), version, ledgerVersion);
      ObjectNode o = Json.F.objectNode();
      o.set("version", Json.u64(s.version()));
      if (s.blob().isPresent()) {
        o.put("blob", Json.hex(s.blob().get()));
      } else {
        o.putNull("blob");
      }
      ObjectNode proof = o.putObject("proof");
      proof.put("ledger_info_to_transaction_info_proof", Json.hex(s.transactionInfoProof().toBcs()));
      proof.put("transaction_info", Json.hex(s.transactionInfo().toBcs()));
      proof.put("transaction_info_to_account_proof", Json.hex(s.stateProof().toBcs()));
      return o;
    });
  }

  JsonNode getTransactionsWithProofs(Params p) throws JsonRpcException {
    p.expect(2, 3);
    long start = p.u64(0, "start_version");
    long limit = DiemJsonRpcMethods.pageLimit(p.u64(1, "limit"));
    boolean withEvents = p.has(2) && p.bool(2, "include_events");
    long certified = certifiedOrLatest();
    if (start > certified || limit == 0) {
      return Json.F.nullNode();
    }
    return read(() -> {
      TransactionListWithProof list = ledger.store().transactions(start, (int) limit, certified, withEvents);
      ObjectNode o = Json.F.objectNode();
      ArrayNode txns = o.putArray("serialized_transactions");
      List<TransactionInfo> infos = new ArrayList<>();
      List<List<ContractEvent>> events = new ArrayList<>();
      for (TransactionWithInfo t : list.transactions()) {
        txns.add(Json.hex(t.transaction().toBcs()));
        infos.add(t.info());
        events.add(t.events());
      }
      if (withEvents) {
        o.put("serialized_events", Json.hex(new BcsWriter().writeSeq(events, BcsWriter::writeSeq).toByteArray()));
      }
      ObjectNode proofs = o.putObject("proofs");
      proofs.put("ledger_info_to_transaction_infos_proof", Json.hex(list.proof().orElseThrow().toBcs()));
      proofs.put("transaction_infos", Json.hex(new BcsWriter().writeSeq(infos).toByteArray()));
      return o;
    });
  }

  JsonNode getAccountTransactionsWithProofs(Params p, AccountAddress account) throws JsonRpcException {
    long start = p.u64(1, "start");
    long limit = DiemJsonRpcMethods.pageLimit(p.u64(2, "limit"));
    boolean withEvents = p.bool(3, "include_events");
    long ledgerVersion = p.has(4) ? p.u64(4, "ledger_version") : certifiedOrLatest();
    long latest = ledger.latestVersion();
    DiemJsonRpcMethods.requireAtMost("ledger_version", ledgerVersion, latest, "latest version");
    return read(() -> {
      ObjectNode o = Json.F.objectNode();
      ArrayNode out = o.putArray("serialized_txns_with_proofs");
      for (long seq = start; seq - start < limit && seq >= 0; seq++) {
        Optional<TransactionWithProof> t =
            ledger.store().transactionByAccountSequence(account, seq, ledgerVersion, withEvents);
        if (t.isEmpty()) {
          break;
        }
        out.add(Json.hex(t.get().toBcs(withEvents)));
      }
      return o;
    });
  }

  JsonNode getEventsWithProofs(Params p) throws JsonRpcException {
    p.expect(3, 4);
    EventKey key = DiemJsonRpcMethods.eventKey(p, 0);
    long start = p.u64(1, "start");
    long limit = DiemJsonRpcMethods.pageLimit(p.u64(2, "limit"));
    long ledgerVersion = p.has(3) ? p.u64(3, "ledger_version") : certifiedOrLatest();
    DiemJsonRpcMethods.requireAtMost("ledger_version", ledgerVersion, ledger.latestVersion(), "latest version");
    return read(() -> {
      ArrayNode out = Json.F.arrayNode();
      for (EventWithProof e : ledger.store().eventsWithProofs(key, start, (int) limit, ledgerVersion)) {
        out.addObject().put("event_with_proof", Json.hex(e.toBcs()));
      }
      return out;
    });
  }

  JsonNode getEventByVersionWithProof(Params p) throws JsonRpcException {
    p.expect(1, 2);
    EventKey key = DiemJsonRpcMethods.eventKey(p, 0);
    long certified = certifiedOrLatest();
    long version = p.has(1) ? p.u64(1, "version") : certified;
    DiemJsonRpcMethods.requireAtMost("version", version, certified, "latest certified version");
    return read(() -> {
      ObjectNode o = Json.F.objectNode();
      OptionalLong lower = ledger.store().eventSequenceAtOrBefore(key, version);
      if (lower.isPresent()) {
        putEvent(o, "lower_bound_incl", key, lower.getAsLong(), certified);
      }
      putEvent(o, "upper_bound_excl", key, lower.isPresent() ? lower.getAsLong() + 1 : 0, certified);
      return o;
    });
  }

  private void putEvent(ObjectNode o, String field, EventKey key, long sequence, long ledgerVersion)
      throws StorageException {
    for (EventWithProof e : ledger.store().eventsWithProofs(key, sequence, 1, ledgerVersion)) {
      o.putObject(field).put("event_with_proof", Json.hex(e.toBcs()));
    }
  }

  private long certifiedOrLatest() throws JsonRpcException {
    Optional<LedgerInfoWithSignatures> li = read(() -> ledger.store().latestLedgerInfo());
    return li.map(l -> l.ledgerInfo().version()).orElse(ledger.latestVersion());
  }

  private LedgerInfoWithSignatures latestLedgerInfo() throws JsonRpcException {
    return read(() -> ledger.store().latestLedgerInfo()).orElseThrow(() -> new JsonRpcException(
        JsonRpcError.SERVER_ERROR, "Server error: no certified ledger info yet"));
  }

  @FunctionalInterface
  interface Read<T> {
    T get() throws StorageException;
  }

  static <T> T read(Read<T> r) throws JsonRpcException {
    try {
      return r.get();
    } catch (StorageException e) {
      if (e.kind() == StorageException.Kind.INVALID_ARGUMENT) {
        throw JsonRpcException.invalidParams("Invalid params: " + e.getMessage());
      }
      throw new JsonRpcException(JsonRpcError.SERVER_ERROR, "Server error: " + e.getMessage());
    }
  }
}
