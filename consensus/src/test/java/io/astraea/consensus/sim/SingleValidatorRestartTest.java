package io.astraea.consensus.sim;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** A network of one validator must keep committing across restarts of its only node. */
class SingleValidatorRestartTest {
  @Test
  void keepsCommittingAfterEachRestart() {
    SingleNodeLoop node = new SingleNodeLoop();
    node.runFor(5_000);
    long before = node.committedBlocks();
    assertTrue(before >= 3, "commits before any restart: " + before);
    for (int i = 0; i < 3; i++) {
      long round = node.committedRound();
      node.restart();
      node.runFor(10_000);
      assertTrue(node.committedRound() >= round + 3,
          "restart " + i + ": committed round stayed at " + node.committedRound()
              + " (was " + round + "), current round " + node.core().currentRound());
    }
  }

  @Test
  void keepsCommittingWhicheverEventTheCrashFollows() {
    for (int events = 1; events <= 40; events++) {
      SingleNodeLoop node = new SingleNodeLoop();
      node.runFor(3_000);
      node.runEvents(events);
      long round = node.committedRound();
      node.restart();
      // and once more while it recovers (timing out the rounds it had already voted in)
      node.runEvents(events);
      node.restart();
      node.runFor(15_000);
      assertTrue(node.committedRound() >= round + 3,
          "crash after " + events + " events: committed round stayed at " + node.committedRound()
              + " (was " + round + "), current round " + node.core().currentRound());
    }
  }
}
