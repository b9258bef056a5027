/**
 * The 2-chain safety rules: the only code holding the consensus key, persisting its safety data
 * durably through {@link io.astraea.consensus.safety.SafetyStorage} before any signature leaves.
 */
package io.astraea.consensus.safety;
