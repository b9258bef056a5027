package io.astraea.node.net;

import io.astraea.crypto.AccountAddress;

/**
 * Serves the requests of one protocol (block retrieval, state sync). Called on a network I/O
 * thread, so it must not block: hand the work to another executor and answer later through the
 * {@link RpcResponder}, from any thread.
 */
@FunctionalInterface
public interface RpcHandler {
  void onRequest(AccountAddress from, byte[] request, RpcResponder responder);
}
