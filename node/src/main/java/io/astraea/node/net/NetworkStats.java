package io.astraea.node.net;

/**
 * Node-wide counters of refused or discarded traffic, for metrics.
 *
 * @param tlsRejectedTotal TLS handshakes that failed (an unknown key on either side, or any other
 *     handshake error)
 * @param helloRejectedTotal links closed because the peer's Hello did not match (chain id, genesis,
 *     identity, dial rule) or did not arrive in time
 * @param oversizedFramesTotal links closed because a frame exceeded the maximum size
 * @param malformedTotal links closed because a frame did not decode
 * @param unroutedTotal messages that arrived for a protocol with no registered handler
 * @param inboundRefusedTotal accepted connections closed at once because too many were still
 *     unauthenticated (see {@code NetworkConfig.maxPendingInbound})
 */
public record NetworkStats(
    long tlsRejectedTotal,
    long helloRejectedTotal,
    long oversizedFramesTotal,
    long malformedTotal,
    long unroutedTotal,
    long inboundRefusedTotal) {}
