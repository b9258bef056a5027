package io.astraea.node.ledger;

import io.astraea.crypto.HashValue;
import io.astraea.ledger.accumulator.InMemoryAccumulator;
import io.astraea.ledger.execution.TransactionOutput;
import io.astraea.ledger.jmt.JellyfishMerkleTree;
import io.astraea.ledger.jmt.JmtException;
import io.astraea.ledger.jmt.NodeRetention;
import io.astraea.ledger.jmt.TreeReader;
import io.astraea.ledger.jmt.TreeUpdateBatch;
import io.astraea.ledger.storage.TransactionToCommit;
import io.astraea.ledger.types.ContractEvent;
import io.astraea.ledger.types.Transaction;
import io.astraea.ledger.types.TransactionInfo;
import io.astraea.ledger.types.TransactionStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Executed transactions turned into what the ledger stores: the kept ones, each with the
 * {@link TransactionInfo} binding its hash, the state root after it, its event root, gas and
 * status; the state tree update (a root per kept transaction, the nodes of the last one only);
 * and the transaction accumulator after them. Discarded transactions get no version. Built the
 * same way by speculative execution and by state sync, so both derive identical infos from
 * identical outputs.
 *
 * @param transactions the kept transactions, from {@code baseVersion + 1} on
 * @param stateUpdate the tree update, absent when nothing was kept
 * @param accumulator the transaction accumulator after the last kept transaction
 * @param lastVersion the version of the last kept transaction ({@code baseVersion} if none)
 */
public record ExecutedChunk(
    List<TransactionToCommit> transactions,
    Optional<TreeUpdateBatch> stateUpdate,
    InMemoryAccumulator accumulator,
    long lastVersion) {

  public ExecutedChunk {
    transactions = List.copyOf(transactions);
  }

  /** The accumulator root after the chunk: the executed state id consensus votes on. */
  public HashValue rootHash() {
    return accumulator.rootHash();
  }

  public long firstVersion() {
    return lastVersion - transactions.size() + 1;
  }

  /**
   * Builds the chunk for {@code txns} with their {@code outputs} (same order and size) on top of
   * the tree in {@code tree} at {@code baseVersion} and the accumulator {@code base}.
   */
  public static ExecutedChunk build(
      TreeReader tree,
      long baseVersion,
      InMemoryAccumulator base,
      List<Transaction> txns,
      List<TransactionOutput> outputs)
      throws JmtException {
    if (txns.size() != outputs.size()) {
      throw new IllegalArgumentException(txns.size() + " transactions but " + outputs.size() + " outputs");
    }
    List<Transaction> kept = new ArrayList<>();
    List<TransactionOutput> keptOutputs = new ArrayList<>();
    List<Map<HashValue, byte[]>> valueSets = new ArrayList<>();
    for (int i = 0; i < txns.size(); i++) {
      TransactionOutput out = outputs.get(i);
      if (out.status() instanceof TransactionStatus.Keep) {
        kept.add(txns.get(i));
        keptOutputs.add(out);
        valueSets.add(out.writeSet().byKey());
      }
    }
    if (kept.isEmpty()) {
      return new ExecutedChunk(List.of(), Optional.empty(), base, baseVersion);
    }
    TreeUpdateBatch batch =
        new JellyfishMerkleTree(tree).putValueSets(valueSets, baseVersion + 1, NodeRetention.LAST_VERSION);
    List<TransactionToCommit> out = new ArrayList<>(kept.size());
    List<HashValue> infoHashes = new ArrayList<>(kept.size());
    for (int i = 0; i < kept.size(); i++) {
      TransactionOutput o = keptOutputs.get(i);
      List<HashValue> eventHashes = new ArrayList<>(o.events().size());
      for (ContractEvent e : o.events()) {
        eventHashes.add(e.hash());
      }
      TransactionInfo info =
          new TransactionInfo(
              kept.get(i).hash(),
              batch.rootHashes().get(i),
              InMemoryAccumulator.eventRootHash(eventHashes),
              o.gasUsed(),
              ((TransactionStatus.Keep) o.status()).status());
      out.add(new TransactionToCommit(kept.get(i), info, o.events()));
      infoHashes.add(info.hash());
    }
    return new ExecutedChunk(
        out, Optional.of(batch), base.append(infoHashes), baseVersion + kept.size());
  }
}
