package io.astraea.ledger.types;

import io.astraea.crypto.bcs.BcsEncodable;
import io.astraea.crypto.bcs.BcsException;
import io.astraea.crypto.bcs.BcsReader;
import io.astraea.crypto.bcs.BcsWriter;
import java.util.Objects;

/** Where a Move abort happened: in a module's function (variant 0) or in the script (variant 1). */
public sealed interface AbortLocation extends BcsEncodable {
  int VARIANTS = 2;

  InScript SCRIPT = new InScript();

  record InModule(ModuleId module) implements AbortLocation {
    public InModule {
      Objects.requireNonNull(module, "module");
    }

    @Override
    public void serialize(BcsWriter w) {
      w.writeVariant(0).write(module);
    }

    @Override
    public String toString() {
      return module.toString();
    }
  }

  record InScript() implements AbortLocation {
    @Override
    public void serialize(BcsWriter w) {
      w.writeVariant(1);
    }

    @Override
    public String toString() {
      return "Script";
    }
  }

  static AbortLocation module(ModuleId id) {
    return new InModule(id);
  }

  static AbortLocation decode(BcsReader r) throws BcsException {
    return r.readVariant(VARIANTS) == 0 ? new InModule(ModuleId.decode(r)) : SCRIPT;
  }
}
