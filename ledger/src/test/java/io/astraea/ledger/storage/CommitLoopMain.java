package io.astraea.ledger.storage;

import java.nio.file.Path;

/**
 * Commits {@link LedgerFixture} blocks to a fresh store in a loop, printing each committed version
 * once its commit returned. Run in a child JVM that the durability test kills without warning.
 */
public final class CommitLoopMain {
  private CommitLoopMain() {}

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    long seed = Long.parseLong(args[1]);
    int blocks = Integer.parseInt(args[2]);
    LedgerFixture fx = new LedgerFixture(seed);
    try (LedgerStore store = LedgerStore.open(dir)) {
      for (int i = 0; i < blocks; i++) {
        BlockCommit c = fx.nextBlock(store.stateTree(), i % 7 == 6);
        store.commit(c);
        System.out.println("committed " + c.lastVersion());
        System.out.flush();
      }
    }
  }
}
