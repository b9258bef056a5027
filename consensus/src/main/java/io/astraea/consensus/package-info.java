/**
 * DiemBFT v4 / Jolteon (2-chain HotStuff) as a pure event-to-action core.
 *
 * <p>A node drives {@link io.astraea.consensus.ConsensusCore} from one thread: it feeds
 * {@link io.astraea.consensus.Event}s (messages, timers) and carries out the returned
 * {@link io.astraea.consensus.Action}s (send, broadcast, schedule, commit, state sync). It
 * implements {@link io.astraea.consensus.safety.SafetyStorage} (durable, synced),
 * {@link io.astraea.consensus.PayloadSource} (mempool) and {@link io.astraea.consensus.Executor}
 * (speculative execution), and persists the {@link io.astraea.consensus.RecoveryData} of each
 * commit to restart from. The core reads no clock, starts no thread, opens no socket or file.
 */
package io.astraea.consensus;
