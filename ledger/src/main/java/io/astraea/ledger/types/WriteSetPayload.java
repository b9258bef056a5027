package io.astraea.ledger.types;

import io.astraea.crypto.AccountAddress;
import io.astraea.crypto.bcs.BcsEncodable;
import io.astraea.crypto.bcs.BcsException;
import io.astraea.crypto.bcs.BcsReader;
import io.astraea.crypto.bcs.BcsWriter;
import java.util.Objects;

/**
 * The content of a genesis (write-set) transaction: a direct change set (variant 0) or a script
 * run as a given account (variant 1). Astraea's genesis uses {@link Direct}; user transactions
 * carrying a write set are discarded.
 */
public sealed interface WriteSetPayload extends BcsEncodable {
  int VARIANTS = 2;

  record Direct(ChangeSet changeSet) implements WriteSetPayload {
    public Direct {
      Objects.requireNonNull(changeSet, "changeSet");
    }

    @Override
    public void serialize(BcsWriter w) {
      w.writeVariant(0).write(changeSet);
    }
  }

  /** Diem's {@code WriteSetPayload::Script { execute_as, script }}. */
  record ExecuteScript(AccountAddress executeAs, Script script) implements WriteSetPayload {
    public ExecuteScript {
      Objects.requireNonNull(executeAs, "executeAs");
      Objects.requireNonNull(script, "script");
    }

    @Override
    public void serialize(BcsWriter w) {
      w.writeVariant(1).write(executeAs).write(script);
    }
  }

  static WriteSetPayload decode(BcsReader r) throws BcsException {
    return r.readVariant(VARIANTS) == 0
        ? new Direct(ChangeSet.decode(r))
        : new ExecuteScript(AccountAddress.decode(r), Script.decode(r));
  }
}
