package io.astraea.consensus.sim;

import io.astraea.consensus.types.Block;
import io.astraea.consensus.types.Vote;
import io.astraea.crypto.HashValue;
import io.astraea.crypto.quorum.BlockInfo;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The safety checkers of the simulator.
 *
 * <ul>
 *   <li>Agreement: every block any honest node commits lies on one chain per epoch (so every
 *       committed chain is a prefix of the longest), and each node's commits only move forward.
 *   <li>No honest key signs two different votes for one round.
 *   <li>No honest key signs a vote for a round at or below one it already voted or timed out in
 *       (the last-voted-round contract, observed from outside).
 * </ul>
 *
 * Blocks are known from every proposal on the network, so ancestry can be checked even for
 * nodes that skipped blocks by state sync.
 */
final class Invariants {
  private record VoteKey(int key, long epoch, long round) {}

  private static final class Signer {
    long epoch;
    long lastVotedRound;
    HashValue lastVote;
    long lastVoteRound = -1;
  }

  private final Set<Integer> faultyKeys;
  private final Map<HashValue, Block> registry = new HashMap<>();
  private final Map<Long, BlockInfo> tipByEpoch = new TreeMap<>();
  private final Map<Integer, BlockInfo> lastCommitByNode = new TreeMap<>();
  private final Map<VoteKey, HashValue> votes = new HashMap<>();
  private final Map<Integer, Signer> signers = new TreeMap<>();
  private final List<String> violations = new ArrayList<>();

  Invariants(Set<Integer> faultyKeys) {
    this.faultyKeys = faultyKeys;
  }

  List<String> violations() {
    return violations;
  }

  void register(Block b) {
    registry.putIfAbsent(b.id(), b);
  }

  Block block(HashValue id) {
    return registry.get(id);
  }

  void onCommit(int node, int key, BlockInfo committed, long timeMs) {
    if (faultyKeys.contains(key)) {
      return;
    }
    BlockInfo last = lastCommitByNode.get(node);
    if (last != null && last.epoch() == committed.epoch()) {
      if (committed.round() <= last.round()) {
        violations.add("node " + node + " committed round " + committed.round()
            + " after round " + last.round() + " at " + timeMs + "ms");
        return;
      }
      if (!isAncestor(last, committed)) {
        violations.add("node " + node + " committed " + committed.id() + " (round "
            + committed.round() + ") not extending its previous commit at round " + last.round());
      }
    }
    lastCommitByNode.put(node, committed);
    BlockInfo tip = tipByEpoch.get(committed.epoch());
    if (tip == null || committed.round() > tip.round()) {
      if (tip != null && !isAncestor(tip, committed)) {
        violations.add("agreement: node " + node + " committed round " + committed.round()
            + " " + committed.id() + " conflicting with committed round " + tip.round() + " "
            + tip.id() + " at " + timeMs + "ms");
      }
      tipByEpoch.put(committed.epoch(), committed);
    } else if (!isAncestor(committed, tip)) {
      violations.add("agreement: node " + node + " committed round " + committed.round() + " "
          + committed.id() + " not on the chain of committed round " + tip.round() + " at "
          + timeMs + "ms");
    }
  }

  private boolean isAncestor(BlockInfo low, BlockInfo high) {
    if (low.round() == 0) {
      return true;
    }
    HashValue id = high.id();
    while (true) {
      if (id.equals(low.id())) {
        return true;
      }
      Block b = registry.get(id);
      if (b == null) {
        violations.add("block " + id + " never seen on the network");
        return true;
      }
      if (b.round() <= low.round()) {
        return false;
      }
      id = b.parentId();
    }
  }

  void onVote(int key, Vote v, long timeMs) {
    if (faultyKeys.contains(key)) {
      return;
    }
    HashValue h = v.ledgerInfo().hash();
    HashValue prev = votes.putIfAbsent(new VoteKey(key, v.epoch(), v.round()), h);
    if (prev != null && !prev.equals(h)) {
      violations.add("key " + key + " signed two different votes in epoch " + v.epoch()
          + " round " + v.round() + " at " + timeMs + "ms");
    }
    Signer s = signer(key, v.epoch());
    if (v.round() == s.lastVoteRound && h.equals(s.lastVote)) {
      return;
    }
    if (v.round() <= s.lastVotedRound) {
      violations.add("key " + key + " voted in round " + v.round() + " after voting or timing out"
          + " in round " + s.lastVotedRound + " at " + timeMs + "ms");
    }
    s.lastVotedRound = Math.max(s.lastVotedRound, v.round());
    s.lastVote = h;
    s.lastVoteRound = v.round();
  }

  void onTimeout(int key, long epoch, long round, long timeMs) {
    if (faultyKeys.contains(key)) {
      return;
    }
    Signer s = signer(key, epoch);
    if (round < s.lastVotedRound) {
      violations.add("key " + key + " timed out round " + round + " after voting in round "
          + s.lastVotedRound + " at " + timeMs + "ms");
    }
    s.lastVotedRound = Math.max(s.lastVotedRound, round);
  }

  private Signer signer(int key, long epoch) {
    Signer s = signers.computeIfAbsent(key, k -> new Signer());
    if (epoch > s.epoch) {
      s.epoch = epoch;
      s.lastVotedRound = 0;
      s.lastVote = null;
      s.lastVoteRound = -1;
    }
    return s;
  }
}
