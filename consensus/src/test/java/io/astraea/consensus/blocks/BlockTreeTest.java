package io.astraea.consensus.blocks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.astraea.consensus.sim.TestChain;
import io.astraea.consensus.types.QuorumCert;
import java.util.List;
import org.junit.jupiter.api.Test;

class BlockTreeTest {
  private final TestChain chain = new TestChain();
  private final BlockTree tree =
      new BlockTree(chain.genesisBlock(), chain.genesisQc(), chain.genesisQc());
  private final ExecutedBlock e1 = chain.execute(chain.proposal(1, 1, chain.genesisQc()));
  private final QuorumCert qc1 = chain.certify(e1, 0, 1, 2);
  private final ExecutedBlock e2 = chain.execute(chain.proposal(2, 2, qc1));
  private final QuorumCert qc2 = chain.certify(e2, 0, 1, 2);
  private final ExecutedBlock e3 = chain.execute(chain.proposal(3, 3, qc2));
  private final QuorumCert qc3 = chain.certify(e3, 0, 1, 2);
  private final ExecutedBlock fork = chain.execute(chain.proposal(3, 3, qc1));

  @Test
  void insertNeedsTheParent() {
    BlockTreeException e = assertThrows(BlockTreeException.class, () -> tree.insert(e2));
    assertEquals(BlockTreeException.Kind.MISSING_PARENT, e.kind());
  }

  @Test
  void certificatesRaiseTheHighestQcAndNeedTheirBlock() throws Exception {
    assertEquals(BlockTreeException.Kind.MISSING_BLOCK,
        assertThrows(BlockTreeException.class, () -> tree.insertQuorumCert(qc1)).kind());
    tree.insert(e1);
    tree.insertQuorumCert(qc1);
    assertEquals(qc1, tree.highestQc());
    assertEquals(e1, tree.highestCertifiedBlock());
    // The genesis certificate is the commit certificate until something commits.
    assertEquals(0, tree.highestCommitCert().commitInfo().round());
  }

  @Test
  void commitMovesTheRootAndPrunesForks() throws Exception {
    tree.insert(e1);
    tree.insertQuorumCert(qc1);
    tree.insert(e2);
    tree.insert(fork);
    tree.insertQuorumCert(qc2); // round 2 follows round 1: commits b1
    assertEquals(e1.id(), tree.highestCommitCert().commitInfo().id());
    List<ExecutedBlock> committed = tree.commit(tree.highestCommitCert());
    assertEquals(List.of(e1), committed);
    assertEquals(e1, tree.root());
    assertTrue(tree.contains(e2.id()));
    assertTrue(tree.contains(fork.id()));
    tree.insert(e3);
    tree.insertQuorumCert(qc3); // commits b2; the fork on b1 is pruned
    assertEquals(List.of(e2), tree.commit(qc3));
    assertFalse(tree.contains(fork.id()));
    assertFalse(tree.contains(e1.id()));
    assertEquals(List.of(e3.block(), e2.block()), tree.chainFrom(e3.id(), 5));
    assertEquals(List.of(e3), tree.pathFromRoot(e3.id()));
  }

  @Test
  void certificatesBelowTheRootAreIgnored() throws Exception {
    tree.insert(e1);
    tree.insertQuorumCert(qc1);
    tree.insert(e2);
    tree.insertQuorumCert(qc2);
    tree.commit(qc2);
    tree.insertQuorumCert(chain.genesisQc());
    assertEquals(qc2, tree.highestQc());
  }

  @Test
  void theRootKeepsTheCertificateThatCommittedItUntilTheNextCommit() throws Exception {
    tree.insert(e1);
    tree.insertQuorumCert(qc1);
    tree.insert(e2);
    tree.insertQuorumCert(qc2); // a commit certificate for b1, not yet applied
    assertEquals(qc2, tree.highestCommitCert());
    assertEquals(chain.genesisQc(), tree.rootCommitCert());
    // What a restart would resume from is still consistent.
    BlockTree restarted = new BlockTree(tree.root(),
        tree.certificateFor(tree.root().id()).orElseThrow(), tree.rootCommitCert());
    assertEquals(chain.genesisBlock(), restarted.root());
    tree.commit(qc2);
    assertEquals(qc2, tree.rootCommitCert());
    assertEquals(qc2.signedLedgerInfo(), tree.rootLedgerInfo());
  }

  @Test
  void roundsMustIncrease() throws Exception {
    tree.insert(e1);
    tree.insertQuorumCert(qc1);
    tree.insert(e2);
    // A block claiming round 1 on the round-1 certificate.
    ExecutedBlock same = chain.execute(chain.proposal(2, 1, qc1));
    assertEquals(BlockTreeException.Kind.BAD_ROUND,
        assertThrows(BlockTreeException.class, () -> tree.insert(same)).kind());
  }
}
