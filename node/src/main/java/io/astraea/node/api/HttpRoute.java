package io.astraea.node.api;

import io.netty.handler.codec.http.FullHttpRequest;

/** A handler for one HTTP path of the client API (JSON-RPC, faucet, health, metrics). */
@FunctionalInterface
public interface HttpRoute {
  HttpReply handle(FullHttpRequest request);
}
