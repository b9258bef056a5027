package io.astraea.node.net;

import io.astraea.crypto.AccountAddress;

/**
 * Receives the one-way messages of one protocol. Called on a network I/O thread: implementations
 * must only decode and enqueue (for example onto the consensus event queue) and return at once;
 * blocking here stalls every link served by that thread.
 */
@FunctionalInterface
public interface MessageHandler {
  void onMessage(AccountAddress from, byte[] payload);
}
