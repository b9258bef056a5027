package io.astraea.node.api;

import com.fasterxml.jackson.databind.JsonNode;

/** One JSON-RPC method: positional params in, a result (possibly JSON null) out. */
@FunctionalInterface
public interface JsonRpcMethod {
  JsonNode call(Params params) throws JsonRpcException;
}
