package io.astraea.node.api;

import io.netty.handler.codec.http.FullHttpRequest;
import java.util.concurrent.CompletableFuture;

/** A handler for one HTTP path of the client API (JSON-RPC, faucet, health, metrics). */
@FunctionalInterface
public interface HttpRoute {
  HttpReply handle(FullHttpRequest request);

  /**
   * The answer, possibly later: a route whose answer waits for something else to happen (the
   * faucet waits for its mint to commit) returns at once and completes the future then, so that
   * no worker thread is held while it waits. The server calls this on a worker thread and keeps
   * the request until the answer is sent. By default, {@link #handle}'s answer at once.
   */
  default CompletableFuture<HttpReply> handleAsync(FullHttpRequest request) {
    return CompletableFuture.completedFuture(handle(request));
  }
}
