package io.astraea.node.mempool;

import io.astraea.ledger.types.StatusCode;
import java.util.Optional;

/**
 * Why the mempool refused a transaction. Each reason maps to the JSON-RPC error code Diem's
 * {@code submit} uses, so client SDKs raise the same errors they would against Diem.
 */
public final class MempoolRejection extends Exception {
  /** The refusal classes. */
  public enum Reason {
    /** The transaction fails validation (signature, chain id, expiry, balance...): -32001. */
    VM_VALIDATION(-32001),
    /** Sequence number below the account's: -32007. */
    INVALID_SEQ_NUMBER(-32007),
    /** The mempool is at capacity: -32008. */
    MEMPOOL_FULL(-32008),
    /** The sender already has the per-account maximum waiting: -32009. */
    TOO_MANY_TRANSACTIONS(-32009),
    /** Same sender and sequence number, but not a gas price increase: -32010. */
    INVALID_UPDATE(-32010);

    private final int jsonRpcCode;

    Reason(int jsonRpcCode) {
      this.jsonRpcCode = jsonRpcCode;
    }

    public int jsonRpcCode() {
      return jsonRpcCode;
    }
  }

  private final Reason reason;
  private final StatusCode status;

  public MempoolRejection(Reason reason, String message) {
    this(reason, null, message);
  }

  private MempoolRejection(Reason reason, StatusCode status, String message) {
    super(message);
    this.reason = reason;
    this.status = status;
  }

  /** A validation failure carrying Diem's discard status (e.g. INVALID_SIGNATURE). */
  public static MempoolRejection validation(StatusCode status) {
    return new MempoolRejection(Reason.VM_VALIDATION, status, status.name());
  }

  public Reason reason() {
    return reason;
  }

  /** The Diem VM status for validation failures. */
  public Optional<StatusCode> status() {
    return Optional.ofNullable(status);
  }
}
