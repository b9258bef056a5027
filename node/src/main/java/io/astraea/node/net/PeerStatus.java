package io.astraea.node.net;

import io.astraea.crypto.AccountAddress;

/**
 * A point-in-time view of one peer link, for metrics and {@code /healthz}.
 *
 * @param dialer whether this node is the one that dials the peer (the lower address dials)
 * @param queued messages waiting in the peer's bounded outbound queues (all protocols)
 * @param sentTotal messages handed to the link
 * @param receivedTotal messages received from the peer (after the Hello)
 * @param droppedTotal messages dropped from the outbound queues because one was full
 * @param connectionsTotal links established with the peer since start
 */
public record PeerStatus(
    AccountAddress address,
    PeerState state,
    boolean dialer,
    int queued,
    long sentTotal,
    long receivedTotal,
    long droppedTotal,
    long connectionsTotal) {}
