/**
 * Pacemaker and leader election: round state with growing timeouts, vote and timeout
 * aggregation into certificates, round-robin and reputation-based proposer election.
 */
package io.astraea.consensus.liveness;
