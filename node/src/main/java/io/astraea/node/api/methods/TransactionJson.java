package io.astraea.node.api.methods;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.astraea.ledger.execution.ScriptCall;
import io.astraea.ledger.execution.ScriptResolution;
import io.astraea.ledger.execution.ScriptResolver;
import io.astraea.ledger.execution.StandardScript;
import io.astraea.ledger.storage.TransactionWithInfo;
import io.astraea.ledger.types.AbortLocation;
import io.astraea.ledger.types.ContractEvent;
import io.astraea.ledger.types.KeptVmStatus;
import io.astraea.ledger.types.RawTransaction;
import io.astraea.ledger.types.Script;
import io.astraea.ledger.types.ScriptFunction;
import io.astraea.ledger.types.SignedTransaction;
import io.astraea.ledger.types.Transaction;
import io.astraea.ledger.types.TransactionArgument;
import io.astraea.ledger.types.TransactionAuthenticator;
import io.astraea.ledger.types.TransactionPayload;
import io.astraea.ledger.types.TypeTag;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Diem's {@code Transaction} view: version, typed {@code transaction} data (block metadata, write
 * set, user), hash, BCS bytes, events, VM status and gas used. User transactions show their
 * script: legacy scripts by standard-script name with Diem's argument strings, script functions
 * as {@code "script_function"} with BCS arguments; peer-to-peer payments of either form also get
 * Diem's named {@code receiver}/{@code amount}/{@code currency}/{@code metadata} fields.
 */
final class TransactionJson {
  private TransactionJson() {}

  static ObjectNode of(TransactionWithInfo t, boolean includeEvents) {
    ObjectNode o = Json.F.objectNode();
    o.set("version", Json.u64(t.version()));
    o.set("transaction", data(t.transaction()));
    o.put("hash", t.info().transactionHash().toHex());
    o.put("bytes", Json.hex(t.transaction().toBcs()));
    ArrayNode events = o.putArray("events");
    if (includeEvents) {
      for (ContractEvent e : t.events()) {
        events.add(EventJson.of(e, t.version()));
      }
    }
    o.set("vm_status", vmStatus(t.info().status()));
    o.set("gas_used", Json.u64(t.info().gasUsed()));
    return o;
  }

  static ObjectNode data(Transaction t) {
    ObjectNode d = Json.F.objectNode();
    if (t instanceof Transaction.BlockMetadataTransaction b) {
      d.put("type", "blockmetadata");
      d.set("timestamp_usecs", Json.u64(b.metadata().timestampUsecs()));
    } else if (t instanceof Transaction.GenesisTransaction) {
      d.put("type", "writeset");
    } else if (t instanceof Transaction.UserTransaction u) {
      user(d, u.transaction());
    } else {
      d.put("type", "unknown");
    }
    return d;
  }

  private static void user(ObjectNode d, SignedTransaction s) {
    RawTransaction raw = s.rawTxn();
    d.put("type", "user");
    d.put("sender", raw.sender().toHex());
    if (s.authenticator() instanceof TransactionAuthenticator.Ed25519 a) {
      d.put("signature_scheme", "Scheme::Ed25519");
      d.put("signature", a.signature().toHex());
      d.put("public_key", a.publicKey().toHex());
    } else if (s.authenticator() instanceof TransactionAuthenticator.MultiEd25519 a) {
      d.put("signature_scheme", "Scheme::MultiEd25519");
      d.put("signature", a.signature().toHex());
      d.put("public_key", a.publicKey().toHex());
    }
    d.set("sequence_number", Json.u64(raw.sequenceNumber()));
    d.put("chain_id", raw.chainId().id());
    d.set("max_gas_amount", Json.u64(raw.maxGasAmount()));
    d.set("gas_unit_price", Json.u64(raw.gasUnitPrice()));
    d.put("gas_currency", raw.gasCurrencyCode());
    d.set("expiration_timestamp_secs", Json.u64(raw.expirationTimestampSecs()));
    TransactionPayload payload = raw.payload();
    if (payload instanceof TransactionPayload.OfScript p) {
      d.put("script_hash", p.script().codeHash().toHex());
      d.put("script_bytes", Json.hex(p.script().toBcs()));
    } else {
      d.put("script_hash", "");
      d.put("script_bytes", "");
    }
    d.set("script", script(payload));
  }

  static ObjectNode script(TransactionPayload payload) {
    ObjectNode s = Json.F.objectNode();
    Optional<ScriptCall> call =
        ScriptResolver.resolve(payload) instanceof ScriptResolution.Call c ? Optional.of(c.call()) : Optional.empty();
    if (payload instanceof TransactionPayload.OfScript p) {
      Script script = p.script();
      s.put("type", call.map(c -> c.script().name().toLowerCase(Locale.ROOT)).orElse("unknown"));
      s.put("code", script.code().toHex());
      ArrayNode args = s.putArray("arguments");
      script.args().forEach(a -> args.add(argument(a)));
      typeArguments(s, script.tyArgs());
    } else if (payload instanceof TransactionPayload.OfScriptFunction p) {
      ScriptFunction f = p.function();
      s.put("type", "script_function");
      s.put("module_address", f.module().address().toHex());
      s.put("module_name", f.module().name().name());
      s.put("function_name", f.function().name());
      ArrayNode args = s.putArray("arguments_bcs");
      f.args().forEach(a -> args.add(a.toHex()));
      typeArguments(s, f.tyArgs());
    } else {
      s.put("type", "unknown");
      return s;
    }
    call.filter(c -> c.script() == StandardScript.PEER_TO_PEER_WITH_METADATA)
        .ifPresent(c -> {
          s.put("receiver", c.address(0).toHex());
          s.set("amount", Json.u64(c.u64(1)));
          s.put("currency", c.currencyCode());
          s.put("metadata", c.bytes(2).toHex());
          s.put("metadata_signature", c.bytes(3).toHex());
        });
    return s;
  }

  /** Diem shows a currency type argument {@code 0x1::XUS::XUS} by its module name. */
  private static void typeArguments(ObjectNode s, List<TypeTag> tags) {
    ArrayNode ty = s.putArray("type_arguments");
    for (TypeTag t : tags) {
      ty.add(t instanceof TypeTag.Struct st ? st.tag().module().name() : t.toString());
    }
  }

  /** Diem's argument strings, e.g. {@code {U64: 12}} and {@code {U8Vector:: 0xab}}. */
  static String argument(TransactionArgument a) {
    if (a instanceof TransactionArgument.U8 v) {
      return "{U8: " + v.value() + "}";
    } else if (a instanceof TransactionArgument.U64 v) {
      return "{U64: " + Long.toUnsignedString(v.value()) + "}";
    } else if (a instanceof TransactionArgument.U128 v) {
      return "{U128: " + v.value() + "}";
    } else if (a instanceof TransactionArgument.Address v) {
      return "{ADDRESS: " + v.value().toHex() + "}";
    } else if (a instanceof TransactionArgument.U8Vector v) {
      return "{U8Vector:: 0x" + v.value().toHex() + "}";
    } else if (a instanceof TransactionArgument.Bool v) {
      return "{BOOL: " + v.value() + "}";
    }
    return a.toString();
  }

  static ObjectNode vmStatus(KeptVmStatus status) {
    ObjectNode o = Json.F.objectNode();
    if (status instanceof KeptVmStatus.Executed) {
      o.put("type", "executed");
    } else if (status instanceof KeptVmStatus.OutOfGas) {
      o.put("type", "out_of_gas");
    } else if (status instanceof KeptVmStatus.MoveAbort m) {
      o.put("type", "move_abort");
      o.put("location", location(m.location()));
      o.set("abort_code", Json.u64(m.code()));
      o.putNull("explanation");
    } else if (status instanceof KeptVmStatus.ExecutionFailure f) {
      o.put("type", "execution_failure");
      o.put("location", location(f.location()));
      o.put("function_index", f.function());
      o.put("code_offset", f.codeOffset());
    } else {
      o.put("type", "miscellaneous_error");
    }
    return o;
  }

  private static String location(AbortLocation l) {
    if (l instanceof AbortLocation.InModule m) {
      return m.module().address().toHex() + "::" + m.module().name().name();
    }
    return "Script";
  }
}
