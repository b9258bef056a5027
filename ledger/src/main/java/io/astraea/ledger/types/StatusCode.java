package io.astraea.ledger.types;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Diem's VM status codes with their numeric values, as clients see them in JSON-RPC and
 * submission errors. Codes 0–999 are validation (prologue) statuses: a transaction failing with
 * one is discarded and never enters the ledger. Only the codes Astraea can produce, plus the
 * category markers, are listed.
 */
public enum StatusCode {
  UNKNOWN_VALIDATION_STATUS(0),
  INVALID_SIGNATURE(1),
  INVALID_AUTH_KEY(2),
  SEQUENCE_NUMBER_TOO_OLD(3),
  SEQUENCE_NUMBER_TOO_NEW(4),
  INSUFFICIENT_BALANCE_FOR_TRANSACTION_FEE(5),
  TRANSACTION_EXPIRED(6),
  SENDING_ACCOUNT_DOES_NOT_EXIST(7),
  REJECTED_WRITE_SET(8),
  INVALID_WRITE_SET(9),
  EXCEEDED_MAX_TRANSACTION_SIZE(10),
  UNKNOWN_SCRIPT(11),
  UNKNOWN_MODULE(12),
  MAX_GAS_UNITS_EXCEEDS_MAX_GAS_UNITS_BOUND(13),
  MAX_GAS_UNITS_BELOW_MIN_TRANSACTION_GAS_UNITS(14),
  GAS_UNIT_PRICE_BELOW_MIN_BOUND(15),
  GAS_UNIT_PRICE_ABOVE_MAX_BOUND(16),
  INVALID_GAS_SPECIFIER(17),
  SENDING_ACCOUNT_FROZEN(18),
  UNABLE_TO_DESERIALIZE_ACCOUNT(19),
  CURRENCY_INFO_DOES_NOT_EXIST(20),
  INVALID_MODULE_PUBLISHER(21),
  NO_ACCOUNT_ROLE(22),
  BAD_CHAIN_ID(23),
  SEQUENCE_NUMBER_TOO_BIG(24),
  BAD_TRANSACTION_FEE_CURRENCY(25),

  UNKNOWN_VERIFICATION_ERROR(1000),

  UNKNOWN_INVARIANT_VIOLATION_ERROR(2000),
  STORAGE_ERROR(2008),

  UNKNOWN_BINARY_ERROR(3000),
  MALFORMED(3001),

  UNKNOWN_RUNTIME_STATUS(4000),
  EXECUTED(4001),
  OUT_OF_GAS(4002),
  RESOURCE_DOES_NOT_EXIST(4003),
  RESOURCE_ALREADY_EXISTS(4004),
  ABORTED(4016),
  ARITHMETIC_ERROR(4017),

  /** Diem's reserved "unknown" value, {@code u64::MAX}. */
  UNKNOWN_STATUS(-1L);

  /** Diem's status categories, determined by the numeric range of the code. */
  public enum Type {
    VALIDATION,
    VERIFICATION,
    INVARIANT_VIOLATION,
    DESERIALIZATION,
    EXECUTION,
    UNKNOWN
  }

  private static final Map<Long, StatusCode> BY_CODE = new HashMap<>();

  static {
    for (StatusCode c : values()) {
      BY_CODE.put(c.code, c);
    }
  }

  private final long code;

  StatusCode(long code) {
    this.code = code;
  }

  /** The numeric code (a u64; {@link #UNKNOWN_STATUS} is all ones). */
  public long code() {
    return code;
  }

  public static Optional<StatusCode> fromCode(long code) {
    return Optional.ofNullable(BY_CODE.get(code));
  }

  public Type type() {
    if (Long.compareUnsigned(code, 999) <= 0) {
      return Type.VALIDATION;
    }
    if (Long.compareUnsigned(code, 1999) <= 0) {
      return Type.VERIFICATION;
    }
    if (Long.compareUnsigned(code, 2999) <= 0) {
      return Type.INVARIANT_VIOLATION;
    }
    if (Long.compareUnsigned(code, 3999) <= 0) {
      return Type.DESERIALIZATION;
    }
    if (Long.compareUnsigned(code, 4999) <= 0) {
      return Type.EXECUTION;
    }
    return Type.UNKNOWN;
  }

  @Override
  public String toString() {
    return name() + "(" + Long.toUnsignedString(code) + ")";
  }
}
