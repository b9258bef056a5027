package io.astraea.node.api.methods;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.astraea.ledger.types.StatusCode;
import io.astraea.node.api.JsonRpcError;
import io.astraea.node.api.JsonRpcException;
import io.astraea.node.mempool.MempoolRejection;

/**
 * Maps a refused submission to the JSON-RPC error Diem's {@code submit} gives: a VM status to
 * {@code -32001..-32006} by its category, with the status name in the message and
 * {@code {"StatusCode": n}} as data (what Diem's SDKs read back); a mempool refusal to
 * {@code -32007..-32010}.
 */
public final class SubmitErrors {
  private SubmitErrors() {}

  public static JsonRpcException of(MempoolRejection r) {
    if (r.reason() == MempoolRejection.Reason.VM_VALIDATION) {
      return vmStatus(r.status().orElse(StatusCode.UNKNOWN_VALIDATION_STATUS));
    }
    JsonRpcError code = switch (r.reason()) {
      case INVALID_SEQ_NUMBER -> JsonRpcError.MEMPOOL_INVALID_SEQ_NUMBER;
      case MEMPOOL_FULL -> JsonRpcError.MEMPOOL_IS_FULL;
      case TOO_MANY_TRANSACTIONS -> JsonRpcError.MEMPOOL_TOO_MANY_TRANSACTIONS;
      case INVALID_UPDATE -> JsonRpcError.MEMPOOL_INVALID_UPDATE;
      case VM_VALIDATION -> JsonRpcError.VM_VALIDATION_ERROR;
    };
    return new JsonRpcException(code, "Server error: Mempool submission error: " + r.getMessage());
  }

  public static JsonRpcException vmStatus(StatusCode status) {
    JsonRpcError code = switch (status.type()) {
      case VALIDATION -> JsonRpcError.VM_VALIDATION_ERROR;
      case VERIFICATION -> JsonRpcError.VM_VERIFICATION_ERROR;
      case INVARIANT_VIOLATION -> JsonRpcError.VM_INVARIANT_VIOLATION_ERROR;
      case DESERIALIZATION -> JsonRpcError.VM_DESERIALIZATION_ERROR;
      case EXECUTION -> JsonRpcError.VM_EXECUTION_ERROR;
      case UNKNOWN -> JsonRpcError.VM_UNKNOWN_ERROR;
    };
    ObjectNode data = Json.F.objectNode();
    data.set("StatusCode", Json.u64(status.code()));
    return new JsonRpcException(
        code, "Server error: VM " + typeName(status.type()) + " error: " + status.name(), data);
  }

  private static String typeName(StatusCode.Type t) {
    return switch (t) {
      case VALIDATION -> "Validation";
      case VERIFICATION -> "Verification";
      case INVARIANT_VIOLATION -> "Invariant violation";
      case DESERIALIZATION -> "Deserialization";
      case EXECUTION -> "Execution";
      case UNKNOWN -> "Unknown";
    };
  }
}
