package io.astraea.ledger.types;

import io.astraea.crypto.bcs.BcsEncodable;
import io.astraea.crypto.bcs.BcsException;
import io.astraea.crypto.bcs.BcsReader;
import io.astraea.crypto.bcs.BcsWriter;
import java.util.Objects;

/**
 * The outcome recorded in a {@link TransactionInfo} for a transaction that entered the ledger.
 * Diem's variant order: 0 executed, 1 out of gas, 2 Move abort (location, code), 3 execution
 * failure (location, function index, code offset), 4 miscellaneous error.
 */
public sealed interface KeptVmStatus extends BcsEncodable {
  int VARIANTS = 5;

  Executed EXECUTED = new Executed();
  OutOfGas OUT_OF_GAS = new OutOfGas();
  MiscellaneousError MISCELLANEOUS_ERROR = new MiscellaneousError();

  default boolean isSuccess() {
    return this instanceof Executed;
  }

  record Executed() implements KeptVmStatus {
    @Override
    public void serialize(BcsWriter w) {
      w.writeVariant(0);
    }
  }

  record OutOfGas() implements KeptVmStatus {
    @Override
    public void serialize(BcsWriter w) {
      w.writeVariant(1);
    }
  }

  /** A Move {@code abort} with its code (a u64) at {@code location}. */
  record MoveAbort(AbortLocation location, long code) implements KeptVmStatus {
    public MoveAbort {
      Objects.requireNonNull(location, "location");
    }

    @Override
    public void serialize(BcsWriter w) {
      w.writeVariant(2).write(location).writeU64(code);
    }
  }

  /** A runtime failure such as arithmetic overflow; {@code function} and {@code codeOffset} are u16. */
  record ExecutionFailure(AbortLocation location, int function, int codeOffset)
      implements KeptVmStatus {
    public ExecutionFailure {
      Objects.requireNonNull(location, "location");
      if (function < 0 || function > 0xFFFF || codeOffset < 0 || codeOffset > 0xFFFF) {
        throw new IllegalArgumentException("function and code offset are u16");
      }
    }

    @Override
    public void serialize(BcsWriter w) {
      w.writeVariant(3).write(location).writeU16(function).writeU16(codeOffset);
    }
  }

  record MiscellaneousError() implements KeptVmStatus {
    @Override
    public void serialize(BcsWriter w) {
      w.writeVariant(4);
    }
  }

  static KeptVmStatus decode(BcsReader r) throws BcsException {
    return switch (r.readVariant(VARIANTS)) {
      case 0 -> EXECUTED;
      case 1 -> OUT_OF_GAS;
      case 2 -> new MoveAbort(AbortLocation.decode(r), r.readU64());
      case 3 -> new ExecutionFailure(AbortLocation.decode(r), r.readU16(), r.readU16());
      default -> MISCELLANEOUS_ERROR;
    };
  }
}
