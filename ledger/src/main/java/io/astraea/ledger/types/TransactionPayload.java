package io.astraea.ledger.types;

import io.astraea.crypto.bcs.BcsEncodable;
import io.astraea.crypto.bcs.BcsException;
import io.astraea.crypto.bcs.BcsReader;
import io.astraea.crypto.bcs.BcsWriter;
import java.util.Objects;

/**
 * What a user transaction asks for. Diem's variant order: 0 write set, 1 script, 2 module,
 * 3 script function. All four decode, so that the executor can discard the unsupported ones
 * (write set outside genesis, module publishing) with a status rather than a parse error.
 */
public sealed interface TransactionPayload extends BcsEncodable {
  int VARIANTS = 4;

  record OfWriteSet(WriteSetPayload writeSet) implements TransactionPayload {
    public OfWriteSet {
      Objects.requireNonNull(writeSet, "writeSet");
    }

    @Override
    public void serialize(BcsWriter w) {
      w.writeVariant(0).write(writeSet);
    }
  }

  record OfScript(Script script) implements TransactionPayload {
    public OfScript {
      Objects.requireNonNull(script, "script");
    }

    @Override
    public void serialize(BcsWriter w) {
      w.writeVariant(1).write(script);
    }
  }

  record OfModule(Module module) implements TransactionPayload {
    public OfModule {
      Objects.requireNonNull(module, "module");
    }

    @Override
    public void serialize(BcsWriter w) {
      w.writeVariant(2).write(module);
    }
  }

  record OfScriptFunction(ScriptFunction function) implements TransactionPayload {
    public OfScriptFunction {
      Objects.requireNonNull(function, "function");
    }

    @Override
    public void serialize(BcsWriter w) {
      w.writeVariant(3).write(function);
    }
  }

  static TransactionPayload script(Script script) {
    return new OfScript(script);
  }

  static TransactionPayload scriptFunction(ScriptFunction function) {
    return new OfScriptFunction(function);
  }

  static TransactionPayload decode(BcsReader r) throws BcsException {
    return switch (r.readVariant(VARIANTS)) {
      case 0 -> new OfWriteSet(WriteSetPayload.decode(r));
      case 1 -> new OfScript(Script.decode(r));
      case 2 -> new OfModule(Module.decode(r));
      default -> new OfScriptFunction(ScriptFunction.decode(r));
    };
  }
}
