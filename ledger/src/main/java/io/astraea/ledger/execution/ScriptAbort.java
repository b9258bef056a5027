package io.astraea.ledger.execution;

import io.astraea.ledger.types.AbortLocation;
import io.astraea.ledger.types.KeptVmStatus;
import io.astraea.ledger.types.ModuleId;
import java.util.Objects;

/**
 * A native script stopped as a Move script would abort: the transaction is kept with
 * {@link #status()}, its sequence number advances and gas is charged, and nothing else it did is
 * written. Abort codes follow Diem's {@code Errors} convention: {@code reason << 8 | category}.
 */
public final class ScriptAbort extends Exception {
  /** Diem's {@code Errors} categories. */
  public static final int INVALID_STATE = 1;

  public static final int REQUIRES_ADDRESS = 2;
  public static final int REQUIRES_ROLE = 3;
  public static final int REQUIRES_CAPABILITY = 4;
  public static final int NOT_PUBLISHED = 5;
  public static final int ALREADY_PUBLISHED = 6;
  public static final int INVALID_ARGUMENT = 7;
  public static final int LIMIT_EXCEEDED = 8;

  private final transient KeptVmStatus status;

  private ScriptAbort(KeptVmStatus status, String message) {
    super(message, null, false, false);
    this.status = Objects.requireNonNull(status, "status");
  }

  /** A Move abort in module {@code 0x1::module} with Diem's {@code reason << 8 | category}. */
  public static ScriptAbort abort(String module, int category, int reason, String message) {
    long code = ((long) reason << 8) | category;
    return new ScriptAbort(
        new KeptVmStatus.MoveAbort(AbortLocation.module(ModuleId.core(module)), code),
        module + " abort " + code + ": " + message);
  }

  /** An abort raised by the script itself (Diem's {@code assert(..., 0)} in script bodies). */
  public static ScriptAbort inScript(long code, String message) {
    return new ScriptAbort(
        new KeptVmStatus.MoveAbort(AbortLocation.SCRIPT, code), "script abort " + code + ": " + message);
  }

  /** An overflow or underflow: Diem's {@code ARITHMETIC_ERROR}, an execution failure. */
  public static ScriptAbort arithmetic(String module, String message) {
    return new ScriptAbort(
        new KeptVmStatus.ExecutionFailure(AbortLocation.module(ModuleId.core(module)), 0, 0),
        "arithmetic error in " + module + ": " + message);
  }

  /** Arguments that do not fit the script (count, types, type arguments). */
  public static ScriptAbort malformed(String message) {
    return new ScriptAbort(KeptVmStatus.MISCELLANEOUS_ERROR, message);
  }

  /** The script needed more gas than the transaction allowed. */
  public static ScriptAbort outOfGas() {
    return new ScriptAbort(KeptVmStatus.OUT_OF_GAS, "out of gas");
  }

  public KeptVmStatus status() {
    return status;
  }
}
