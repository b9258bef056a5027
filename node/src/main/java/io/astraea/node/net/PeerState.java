package io.astraea.node.net;

/** The state of the link to one peer, as reported to metrics and health checks. */
public enum PeerState {
  /** No link, and none being made: the peer is expected to dial us, or the network is closed. */
  DISCONNECTED,
  /** We are dialling: TCP connect, TLS and Hello in progress. */
  CONNECTING,
  /** A link passed TLS and the Hello; messages flow. */
  CONNECTED,
  /** The last dial failed or the link dropped; a redial is scheduled after a back-off delay. */
  BACKOFF
}
