package io.astraea.node.api;

/**
 * JSON-RPC error codes: the JSON-RPC 2.0 standard ones and Diem's server codes (-32000 ...
 * -32012), so Diem client SDKs map our errors to the same exceptions as Diem's.
 */
public enum JsonRpcError {
  PARSE_ERROR(-32700),
  INVALID_REQUEST(-32600),
  METHOD_NOT_FOUND(-32601),
  INVALID_PARAMS(-32602),
  /** Diem's default server error. */
  SERVER_ERROR(-32000),
  VM_VALIDATION_ERROR(-32001),
  VM_VERIFICATION_ERROR(-32002),
  VM_INVARIANT_VIOLATION_ERROR(-32003),
  VM_DESERIALIZATION_ERROR(-32004),
  VM_EXECUTION_ERROR(-32005),
  VM_UNKNOWN_ERROR(-32006),
  MEMPOOL_INVALID_SEQ_NUMBER(-32007),
  MEMPOOL_IS_FULL(-32008),
  MEMPOOL_TOO_MANY_TRANSACTIONS(-32009),
  MEMPOOL_INVALID_UPDATE(-32010),
  MEMPOOL_VM_ERROR(-32011),
  MEMPOOL_UNKNOWN_ERROR(-32012);

  private final int code;

  JsonRpcError(int code) {
    this.code = code;
  }

  public int code() {
    return code;
  }
}
