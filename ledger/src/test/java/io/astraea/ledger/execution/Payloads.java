package io.astraea.ledger.execution;

import io.astraea.crypto.AccountAddress;
import io.astraea.crypto.bcs.BcsWriter;
import io.astraea.ledger.types.Bytes;
import io.astraea.ledger.types.Identifier;
import io.astraea.ledger.types.ModuleId;
import io.astraea.ledger.types.ScriptFunction;
import io.astraea.ledger.types.TransactionPayload;
import io.astraea.ledger.types.TypeTag;
import java.util.ArrayList;
import java.util.List;

/** Script-function payloads for the standard scripts, with BCS-encoded arguments. */
final class Payloads {
  private Payloads() {}

  static TransactionPayload call(StandardScript s, String currency, Object... args) {
    List<TypeTag> ty = currency == null ? List.of() : List.of(TypeTag.currency(currency));
    List<Bytes> encoded = new ArrayList<>();
    for (Object a : args) {
      BcsWriter w = new BcsWriter();
      if (a instanceof Long l) {
        w.writeU64(l);
      } else if (a instanceof Integer i) {
        w.writeU64(i);
      } else if (a instanceof AccountAddress addr) {
        w.write(addr);
      } else if (a instanceof Bytes b) {
        w.write(b);
      } else if (a instanceof byte[] b) {
        w.writeBytes(b);
      } else if (a instanceof Boolean b) {
        w.writeBool(b);
      } else {
        throw new IllegalArgumentException("unsupported argument " + a);
      }
      encoded.add(Bytes.of(w.toByteArray()));
    }
    return TransactionPayload.scriptFunction(new ScriptFunction(
        ModuleId.core(s.moduleName().orElseThrow()),
        new Identifier(s.functionName().orElseThrow()), ty, encoded));
  }

  static TransactionPayload p2p(String currency, AccountAddress payee, long amount) {
    return call(StandardScript.PEER_TO_PEER_WITH_METADATA, currency, payee, amount, Bytes.EMPTY, Bytes.EMPTY);
  }

  static Bytes utf8(String s) {
    return Bytes.of(s.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }
}
