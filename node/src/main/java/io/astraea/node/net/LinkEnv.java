package io.astraea.node.net;

import io.astraea.crypto.AccountAddress;
import io.astraea.crypto.Ed25519PublicKey;
import io.astraea.node.net.tls.PinnedKeys;
import io.astraea.node.net.tls.TlsContexts;
import io.netty.util.AttributeKey;

/** What the per-link channel handlers share with the node's network. */
record LinkEnv(
    NetworkConfig config,
    TlsContexts tls,
    PinnedKeys pinned,
    Ed25519PublicKey ownKey,
    HelloValidator hellos,
    PeerLinks links,
    InboundRouter router,
    RpcClient rpc,
    NetworkMetrics metrics,
    PendingInbound pendingInbound,
    WarningThrottle warnings,
    String label) {

  /** The authenticated peer of a channel, set once its Hello is accepted. */
  static final AttributeKey<AccountAddress> PEER = AttributeKey.valueOf("astraea.peer");
}
