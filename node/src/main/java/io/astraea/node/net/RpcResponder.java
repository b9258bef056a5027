package io.astraea.node.net;

/**
 * Answers one inbound request. Thread-safe; only the first call of either method has an effect. A
 * response too large for a frame is turned into an error for the requester.
 */
public interface RpcResponder {
  void respond(byte[] response);

  void fail(String message);
}
