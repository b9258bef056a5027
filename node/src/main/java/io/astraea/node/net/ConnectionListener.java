package io.astraea.node.net;

import io.astraea.crypto.AccountAddress;

/**
 * Observes peer link state changes (for metrics, health and logging). Called on network threads;
 * must not block.
 */
@FunctionalInterface
public interface ConnectionListener {
  void onStateChange(AccountAddress peer, PeerState from, PeerState to);
}
