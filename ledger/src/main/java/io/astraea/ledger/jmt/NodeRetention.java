package io.astraea.ledger.jmt;

/**
 * Which of a batch's versions get their tree nodes stored. Every version always gets its root
 * hash (each {@code TransactionInfo} binds the state root after its transaction); what differs is
 * whether the nodes of the intermediate versions are kept.
 */
public enum NodeRetention {
  /**
   * Every version's tree is stored: reads and proofs at any version come straight from the store.
   * About one node per tree level per key, per version.
   */
  ALL_VERSIONS,
  /**
   * Only the tree at the batch's last version (the checkpoint) is stored; nodes the batch writes
   * and replaces itself never leave memory. A block of a thousand transfers then writes a few
   * thousand nodes instead of tens of thousands. The state at an intermediate version is rebuilt
   * on demand from the previous checkpoint and the stored value sets.
   */
  LAST_VERSION
}
