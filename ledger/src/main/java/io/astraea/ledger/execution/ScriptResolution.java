package io.astraea.ledger.execution;

import io.astraea.ledger.types.StatusCode;
import java.util.Objects;

/**
 * What the {@link ScriptResolver} made of a payload: a runnable call, a payload to discard with a
 * validation status (unknown script, module, write set), or a known script with ill-typed
 * arguments, which is kept as a failure so its sender pays for it.
 */
public sealed interface ScriptResolution {
  record Call(ScriptCall call) implements ScriptResolution {
    public Call {
      Objects.requireNonNull(call, "call");
    }
  }

  record Rejected(StatusCode status, String reason) implements ScriptResolution {
    public Rejected {
      Objects.requireNonNull(status, "status");
    }
  }

  record Malformed(StandardScript script, String reason) implements ScriptResolution {
    public Malformed {
      Objects.requireNonNull(script, "script");
    }
  }
}
