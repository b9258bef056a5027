package io.astraea.node.api;

import io.netty.handler.codec.http.FullHttpRequest;

/** A handler for one HTTP path of the client API (JSON-RPC, faucet, health, metrics). */
@FunctionalInterface
public interface HttpRoute {
  HttpReply handle(FullHttpRequest request);

  /**
   * Whether {@link #handle} blocks its thread waiting for something else to happen (the faucet
   * waits for its mint to commit). Such routes run on threads of their own, so that however many
   * of them wait, the other routes (JSON-RPC above all) keep being served.
   */
  default boolean waits() {
    return false;
  }
}
