package io.astraea.consensus.sim;

import org.junit.jupiter.api.Test;

/**
 * Random fault schedules on four or seven validators: drops, duplicates, delays that reorder
 * across rounds, changing partitions and crash-restarts of up to f nodes, then a heal after which
 * every node must commit ten blocks. Scale with {@code -Dastraea.faults.schedules=100000}; rerun
 * a campaign with {@code -Dastraea.faults.seed=S} or one failing schedule, traced, with
 * {@code -Dastraea.faults.replay=<scenario seed>}.
 */
class FaultCampaignTest {
  @Test
  void faultSchedulesFindNoViolation() {
    run(false, 20261128L);
  }

  /** The same with reputation election, a production network's default. */
  @Test
  void faultSchedulesWithReputationElectionFindNoViolation() {
    run(true, 20261201L);
  }

  /**
   * The same with a validator that votes but never gets a proposal out, for good: the others must
   * still commit ten blocks after the heal (it costs two round timeouts at each of its turns).
   * Scale with {@code -Dastraea.mute.schedules}.
   */
  @Test
  void faultSchedulesWithAValidatorThatNeverProposesFindNoViolation() {
    for (boolean reputation : new boolean[] {false, true}) {
      Campaign.check("astraea.mute", "faults and a mute proposer (" + election(reputation) + ")",
          300, 20261129L, Campaign.withElection(ScenarioGenerator::muteProposer, reputation));
    }
  }

  private static String election(boolean reputation) {
    return reputation ? "reputation" : "round-robin";
  }

  private static void run(boolean reputation, long defaultSeed) {
    Campaign.check("astraea.faults", "faults (" + election(reputation) + ")",
        1000, defaultSeed, Campaign.withElection(ScenarioGenerator::faults, reputation));
  }
}
