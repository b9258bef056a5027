package io.astraea.consensus.sim;

import io.astraea.consensus.safety.ConsensusSigner;
import io.astraea.consensus.safety.SafetyData;
import io.astraea.consensus.safety.SafetyRules;
import io.astraea.consensus.safety.SafetyStorage;
import io.astraea.consensus.types.SignatureChecker;
import io.astraea.consensus.types.TwoChainTimeoutCertificate;
import java.util.Optional;

/**
 * The safety rules a simulated node runs: the real ones, or one of three deliberately broken
 * variants the simulator must catch (so the simulator itself is tested).
 */
public enum SafetyVariant {
  CORRECT,
  /** Votes even in a round at or below its last voted round. */
  SKIP_LAST_VOTED_ROUND,
  /** Votes without the 2-chain rule (any certificate will do after a timeout certificate). */
  SKIP_TWO_CHAIN_RULE,
  /** Never syncs its safety data, so a crash forgets every vote and timeout. */
  LOSE_SAFETY_DATA;

  SafetyRules create(ConsensusSigner signer, SafetyStorage storage, SignatureChecker checker) {
    return switch (this) {
      case SKIP_LAST_VOTED_ROUND -> new SafetyRules(signer, storage, checker) {
        @Override
        protected boolean passesLastVotedRound(long round, SafetyData data) {
          return true;
        }
      };
      case SKIP_TWO_CHAIN_RULE -> new SafetyRules(signer, storage, checker) {
        @Override
        protected boolean safeToVote(
            long round, long qcRound, Optional<TwoChainTimeoutCertificate> tc) {
          return true;
        }
      };
      default -> new SafetyRules(signer, storage, checker);
    };
  }

  boolean lazyStorage() {
    return this == LOSE_SAFETY_DATA;
  }
}
