package io.astraea.node.net;

/** What {@link Network#send} did with a message. */
public enum SendResult {
  /**
   * Queued for the peer. Delivery is at most once: the link may drop before it is written, and a
   * full queue drops its oldest message to make room (counted in {@link PeerStatus}).
   */
  QUEUED,
  /** The address is not a current validator (or is this node). */
  UNKNOWN_PEER,
  /** The payload cannot fit in one frame. */
  TOO_LARGE,
  /** The network is closed. */
  CLOSED
}
