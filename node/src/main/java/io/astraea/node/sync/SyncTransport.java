package io.astraea.node.sync;

import io.astraea.crypto.AccountAddress;

/**
 * How the sync client reaches a peer's {@link SyncServer}: one request, one response, both BCS
 * bytes. The daemon implements it over the peer links' RPC (with a timeout); tests call a server
 * directly.
 */
@FunctionalInterface
public interface SyncTransport {
  byte[] call(AccountAddress peer, byte[] request) throws Exception;
}
