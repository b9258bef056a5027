package io.astraea.ledger.execution;

import io.astraea.crypto.AccountAddress;
import io.astraea.crypto.bcs.BcsException;
import io.astraea.crypto.bcs.BcsReader;
import io.astraea.ledger.types.Bytes;
import io.astraea.ledger.types.ModuleId;
import io.astraea.ledger.types.Script;
import io.astraea.ledger.types.ScriptFunction;
import io.astraea.ledger.types.StatusCode;
import io.astraea.ledger.types.StructTag;
import io.astraea.ledger.types.TransactionArgument;
import io.astraea.ledger.types.TransactionPayload;
import io.astraea.ledger.types.TypeTag;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Maps a transaction payload to a {@link StandardScript} call: legacy scripts by the hash of their
 * code, script functions by {@code 0x1::Module::function}; then checks type and value arguments
 * against the script's parameters. Pure and total: every payload gets a resolution.
 */
public final class ScriptResolver {
  private ScriptResolver() {}

  public static ScriptResolution resolve(TransactionPayload payload) {
    if (payload instanceof TransactionPayload.OfScript s) {
      return resolveScript(s.script());
    }
    if (payload instanceof TransactionPayload.OfScriptFunction f) {
      return resolveFunction(f.function());
    }
    if (payload instanceof TransactionPayload.OfModule) {
      return new ScriptResolution.Rejected(
          StatusCode.INVALID_MODULE_PUBLISHER, "module publishing is not allowed");
    }
    return new ScriptResolution.Rejected(
        StatusCode.REJECTED_WRITE_SET, "write sets are accepted only at genesis");
  }

  private static ScriptResolution resolveScript(Script script) {
    Optional<StandardScript> known = StandardScript.byCodeHash(script.codeHash());
    if (known.isEmpty()) {
      return new ScriptResolution.Rejected(
          StatusCode.UNKNOWN_SCRIPT, "script " + script.codeHash() + " is not a standard script");
    }
    StandardScript s = known.get();
    Optional<String> currency;
    try {
      currency = currencyArgument(s, script.tyArgs());
    } catch (IllegalArgumentException e) {
      return new ScriptResolution.Malformed(s, e.getMessage());
    }
    List<TransactionArgument> args = script.args();
    if (args.size() != s.params().size()) {
      return new ScriptResolution.Malformed(
          s, "expected " + s.params().size() + " arguments, got " + args.size());
    }
    List<Object> values = new ArrayList<>(args.size());
    for (int i = 0; i < args.size(); i++) {
      Object v = fromArgument(s.params().get(i), args.get(i));
      if (v == null) {
        return new ScriptResolution.Malformed(s, "argument " + i + " is not a " + s.params().get(i));
      }
      values.add(v);
    }
    return new ScriptResolution.Call(new ScriptCall(s, currency, values));
  }

  private static ScriptResolution resolveFunction(ScriptFunction f) {
    ModuleId module = f.module();
    Optional<StandardScript> known =
        module.address().equals(ModuleId.CORE_CODE_ADDRESS)
            ? StandardScript.byFunction(module.name().name(), f.function().name())
            : Optional.empty();
    if (known.isEmpty()) {
      return new ScriptResolution.Rejected(
          StatusCode.UNKNOWN_SCRIPT, f.qualifiedName() + " is not a standard script function");
    }
    StandardScript s = known.get();
    Optional<String> currency;
    try {
      currency = currencyArgument(s, f.tyArgs());
    } catch (IllegalArgumentException e) {
      return new ScriptResolution.Malformed(s, e.getMessage());
    }
    List<Bytes> args = f.args();
    if (args.size() != s.params().size()) {
      return new ScriptResolution.Malformed(
          s, "expected " + s.params().size() + " arguments, got " + args.size());
    }
    List<Object> values = new ArrayList<>(args.size());
    for (int i = 0; i < args.size(); i++) {
      try {
        values.add(fromBcs(s.params().get(i), args.get(i).toArray()));
      } catch (BcsException e) {
        return new ScriptResolution.Malformed(
            s, "argument " + i + " is not a BCS " + s.params().get(i) + ": " + e.getMessage());
      }
    }
    return new ScriptResolution.Call(new ScriptCall(s, currency, values));
  }

  /** The currency code of a {@code 0x1::C::C} type argument; throws if the shape is wrong. */
  private static Optional<String> currencyArgument(StandardScript s, List<TypeTag> tyArgs) {
    if (!s.takesCurrency()) {
      if (!tyArgs.isEmpty()) {
        throw new IllegalArgumentException("takes no type arguments, got " + tyArgs.size());
      }
      return Optional.empty();
    }
    if (tyArgs.size() != 1) {
      throw new IllegalArgumentException("takes one currency type argument, got " + tyArgs.size());
    }
    return Optional.of(currencyCode(tyArgs.get(0)));
  }

  /** {@code C} for the type {@code 0x1::C::C}; throws for any other type. */
  public static String currencyCode(TypeTag tag) {
    if (tag instanceof TypeTag.Struct st) {
      StructTag t = st.tag();
      if (t.address().equals(ModuleId.CORE_CODE_ADDRESS)
          && t.module().equals(t.name())
          && t.typeParams().isEmpty()) {
        return t.name().name();
      }
    }
    throw new IllegalArgumentException(tag + " is not a currency type");
  }

  private static Object fromArgument(StandardScript.Param p, TransactionArgument a) {
    return switch (p) {
      case U64 -> a instanceof TransactionArgument.U64 v ? v.value() : null;
      case ADDRESS -> a instanceof TransactionArgument.Address v ? v.value() : null;
      case BYTES -> a instanceof TransactionArgument.U8Vector v ? v.value() : null;
      case BOOL -> a instanceof TransactionArgument.Bool v ? v.value() : null;
    };
  }

  private static Object fromBcs(StandardScript.Param p, byte[] bytes) throws BcsException {
    return switch (p) {
      case U64 -> BcsReader.decode(bytes, BcsReader::readU64);
      case ADDRESS -> BcsReader.decode(bytes, AccountAddress::decode);
      case BYTES -> BcsReader.decode(bytes, Bytes::decode);
      case BOOL -> BcsReader.decode(bytes, BcsReader::readBool);
    };
  }
}
