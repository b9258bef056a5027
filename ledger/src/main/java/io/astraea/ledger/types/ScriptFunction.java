package io.astraea.ledger.types;

import io.astraea.crypto.bcs.BcsEncodable;
import io.astraea.crypto.bcs.BcsException;
import io.astraea.crypto.bcs.BcsReader;
import io.astraea.crypto.bcs.BcsWriter;
import java.util.List;
import java.util.Objects;

/**
 * A call of a published script function, {@code 0x1::PaymentScripts::peer_to_peer_with_metadata},
 * with type arguments and BCS-encoded value arguments (each argument is the BCS bytes of a Move
 * value). Fields in Diem's order: module, function, ty_args, args.
 */
public record ScriptFunction(
    ModuleId module, Identifier function, List<TypeTag> tyArgs, List<Bytes> args)
    implements BcsEncodable {

  public ScriptFunction {
    Objects.requireNonNull(module, "module");
    Objects.requireNonNull(function, "function");
    tyArgs = List.copyOf(tyArgs);
    args = List.copyOf(args);
  }

  public static ScriptFunction decode(BcsReader r) throws BcsException {
    return new ScriptFunction(
        ModuleId.decode(r),
        Identifier.decode(r),
        r.readSeq(TypeTag::decode),
        r.readSeq(Bytes::decode));
  }

  @Override
  public void serialize(BcsWriter w) {
    w.write(module).write(function).writeSeq(tyArgs).writeSeq(args);
  }

  /** {@code 0x1::Module::function}. */
  public String qualifiedName() {
    return module + "::" + function;
  }
}
