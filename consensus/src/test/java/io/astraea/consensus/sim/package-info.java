/**
 * The deterministic consensus simulator, published in this module's test-jar: N cores in one
 * thread over a simulated clock and network, twins, crash-restart with lossy storage, a
 * Byzantine stale-certificate leader, and the agreement, double-vote and liveness checkers.
 * Start from {@link io.astraea.consensus.sim.Simulation} and
 * {@link io.astraea.consensus.sim.ScenarioGenerator}; {@link io.astraea.consensus.sim.TestChain}
 * builds signed blocks and certificates by hand.
 */
package io.astraea.consensus.sim;
