package io.astraea.consensus.blocks;

import io.astraea.consensus.types.Block;
import io.astraea.consensus.types.QuorumCert;
import io.astraea.consensus.types.TwoChainTimeoutCertificate;
import io.astraea.crypto.HashValue;
import io.astraea.crypto.quorum.LedgerInfoWithSignatures;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The blocks above the last committed one (the root), with the certificates seen for them.
 * Every block's parent is in the tree; committing moves the root up and prunes everything that
 * does not descend from it. Tracks the highest certified block, the highest commit certificate
 * and the highest timeout certificate, which make up this node's sync info.
 */
public final class BlockTree {
  private final Map<HashValue, ExecutedBlock> blocks = new HashMap<>();
  private final Map<HashValue, List<HashValue>> children = new HashMap<>();
  private final Map<HashValue, QuorumCert> certificates = new HashMap<>();
  private ExecutedBlock root;
  private QuorumCert highestQc;
  private QuorumCert highestCommitCert;
  private QuorumCert rootCommitCert;
  private TwoChainTimeoutCertificate highestTc;

  /**
   * A tree rooted at a committed block: {@code rootQc} certifies the root, {@code commitCert}
   * is the certificate whose ledger info committed it (for an epoch's genesis, the same
   * certificate).
   */
  public BlockTree(ExecutedBlock root, QuorumCert rootQc, QuorumCert commitCert) {
    reset(root, rootQc, commitCert);
  }

  /** Replaces the whole tree by a new root (after a state sync jumped ahead). */
  public void reset(ExecutedBlock newRoot, QuorumCert rootQc, QuorumCert commitCert) {
    if (!rootQc.certifiedBlock().id().equals(newRoot.id())
        || !commitCert.commitInfo().id().equals(newRoot.id())) {
      throw new IllegalArgumentException("root certificates do not match the root block");
    }
    blocks.clear();
    children.clear();
    certificates.clear();
    root = newRoot;
    blocks.put(root.id(), root);
    certificates.put(root.id(), rootQc);
    highestQc = rootQc;
    highestCommitCert = commitCert;
    rootCommitCert = commitCert;
    if (highestTc != null && highestTc.round() <= root.round()) {
      highestTc = null;
    }
  }

  public ExecutedBlock root() {
    return root;
  }

  /** The certificate whose ledger info committed the root (what a restart resumes from). */
  public QuorumCert rootCommitCert() {
    return rootCommitCert;
  }

  public LedgerInfoWithSignatures rootLedgerInfo() {
    return rootCommitCert.signedLedgerInfo();
  }

  public Optional<ExecutedBlock> get(HashValue id) {
    return Optional.ofNullable(blocks.get(id));
  }

  public boolean contains(HashValue id) {
    return blocks.containsKey(id);
  }

  public int size() {
    return blocks.size();
  }

  public QuorumCert highestQc() {
    return highestQc;
  }

  public QuorumCert highestCommitCert() {
    return highestCommitCert;
  }

  public Optional<TwoChainTimeoutCertificate> highestTc() {
    return Optional.ofNullable(highestTc);
  }

  public Optional<QuorumCert> certificateFor(HashValue id) {
    return Optional.ofNullable(certificates.get(id));
  }

  /** The highest certified block (the block of the highest QC). */
  public ExecutedBlock highestCertifiedBlock() {
    return blocks.getOrDefault(highestQc.certifiedBlock().id(), root);
  }

  /**
   * Adds an executed block whose parent is in the tree, in the same epoch, at a higher round.
   * Inserting a block already present is a no-op.
   */
  public void insert(ExecutedBlock b) throws BlockTreeException {
    if (blocks.containsKey(b.id())) {
      return;
    }
    ExecutedBlock parent = blocks.get(b.parentId());
    if (parent == null) {
      throw new BlockTreeException(
          BlockTreeException.Kind.MISSING_PARENT, "parent of " + b.block() + " not in tree");
    }
    if (b.round() <= parent.round() || b.block().epoch() != parent.block().epoch()) {
      throw new BlockTreeException(
          BlockTreeException.Kind.BAD_ROUND, b.block() + " does not follow its parent");
    }
    blocks.put(b.id(), b);
    children.computeIfAbsent(parent.id(), k -> new ArrayList<>()).add(b.id());
  }

  /**
   * Records a certificate for a block in the tree and raises the highest QC / commit
   * certificate. Certificates at or below the root are ignored.
   */
  public void insertQuorumCert(QuorumCert qc) throws BlockTreeException {
    HashValue id = qc.certifiedBlock().id();
    if (qc.round() <= root.round() && !blocks.containsKey(id)) {
      return;
    }
    ExecutedBlock b = blocks.get(id);
    if (b == null) {
      throw new BlockTreeException(BlockTreeException.Kind.MISSING_BLOCK, "certified block " + id);
    }
    if (!b.info().equals(qc.certifiedBlock())) {
      throw new BlockTreeException(
          BlockTreeException.Kind.MISMATCH,
          "certificate for " + b.block() + " disagrees with local execution");
    }
    certificates.putIfAbsent(id, qc);
    if (qc.round() > highestQc.round()) {
      highestQc = qc;
    }
    if (qc.commitsBlock() && qc.commitInfo().round() > highestCommitCert.commitInfo().round()) {
      highestCommitCert = qc;
    }
  }

  public void insertTimeoutCert(TwoChainTimeoutCertificate tc) {
    if (highestTc == null || tc.round() > highestTc.round()) {
      highestTc = tc;
    }
  }

  /** The blocks from just above the root up to {@code id}, oldest first; empty if not above. */
  public List<ExecutedBlock> pathFromRoot(HashValue id) {
    Deque<ExecutedBlock> path = new ArrayDeque<>();
    ExecutedBlock b = blocks.get(id);
    while (b != null && !b.id().equals(root.id())) {
      path.addFirst(b);
      b = blocks.get(b.parentId());
    }
    return b == null ? List.of() : List.copyOf(path);
  }

  /**
   * Commits the block that {@code commitCert} commits: returns the newly committed blocks, oldest
   * first, makes the last of them the root and prunes every block not descending from it.
   */
  public List<ExecutedBlock> commit(QuorumCert commitCert) throws BlockTreeException {
    HashValue target = commitCert.commitInfo().id();
    if (target.equals(root.id())) {
      return List.of();
    }
    List<ExecutedBlock> path = pathFromRoot(target);
    if (path.isEmpty()) {
      throw new BlockTreeException(
          BlockTreeException.Kind.MISSING_BLOCK, "committed block " + target + " not above root");
    }
    ExecutedBlock newRoot = path.get(path.size() - 1);
    if (!newRoot.info().equals(commitCert.commitInfo())) {
      throw new BlockTreeException(
          BlockTreeException.Kind.MISMATCH, "commit info disagrees with local execution");
    }
    root = newRoot;
    rootCommitCert = commitCert;
    if (commitCert.commitInfo().round() > highestCommitCert.commitInfo().round()) {
      highestCommitCert = commitCert;
    }
    prune();
    return path;
  }

  private void prune() {
    Map<HashValue, ExecutedBlock> keep = new HashMap<>();
    Deque<HashValue> todo = new ArrayDeque<>();
    todo.add(root.id());
    while (!todo.isEmpty()) {
      HashValue id = todo.poll();
      keep.put(id, blocks.get(id));
      todo.addAll(children.getOrDefault(id, List.of()));
    }
    blocks.keySet().retainAll(keep.keySet());
    children.keySet().retainAll(keep.keySet());
    certificates.keySet().retainAll(keep.keySet());
  }

  /** How many blocks (the root included) have a certificate. */
  public int certifiedCount() {
    return certificates.size();
  }

  /** Every block above the root that has a certificate, ordered by round (parents first). */
  public List<ExecutedBlock> certifiedAboveRoot() {
    List<ExecutedBlock> out = new ArrayList<>();
    for (Map.Entry<HashValue, QuorumCert> e : certificates.entrySet()) {
      ExecutedBlock b = blocks.get(e.getKey());
      if (b != null && !b.id().equals(root.id())) {
        out.add(b);
      }
    }
    out.sort((a, b) -> a.round() != b.round()
        ? Long.compare(a.round(), b.round()) : a.id().compareTo(b.id()));
    return out;
  }

  /** Up to {@code n} blocks starting at {@code id} and walking to its ancestors in the tree. */
  public List<Block> chainFrom(HashValue id, long n) {
    List<Block> out = new ArrayList<>();
    ExecutedBlock b = blocks.get(id);
    while (b != null && out.size() < n) {
      out.add(b.block());
      b = blocks.get(b.parentId());
    }
    return Collections.unmodifiableList(out);
  }
}
