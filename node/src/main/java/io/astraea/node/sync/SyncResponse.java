package io.astraea.node.sync;

import io.astraea.crypto.bcs.BcsEncodable;
import io.astraea.crypto.bcs.BcsException;
import io.astraea.crypto.bcs.BcsReader;
import io.astraea.crypto.bcs.BcsWriter;
import io.astraea.crypto.quorum.LedgerInfoWithSignatures;
import io.astraea.ledger.accumulator.AccumulatorRangeProof;
import io.astraea.ledger.types.Transaction;
import io.astraea.ledger.types.TransactionInfo;
import java.util.List;
import java.util.Optional;

/**
 * A state sync response (BCS enum): variant 0 a chunk, variant 1 a refusal with a reason.
 *
 * <p>A chunk is Diem's {@code TransactionListWithProof} without events: consecutive transactions
 * from {@code firstVersion} with their infos and a range proof of the infos against the
 * accumulator at {@code ledgerVersion}, plus the ledger info with signatures that certifies that
 * accumulator (absent when the requester named the target it already holds). Events are not sent:
 * the requester re-executes the transactions, which yields them, and each info binds their root.
 */
public sealed interface SyncResponse extends BcsEncodable {

  /** Variant 0. */
  record Chunk(
      long firstVersion,
      List<Transaction> transactions,
      List<TransactionInfo> infos,
      Optional<AccumulatorRangeProof> proof,
      long ledgerVersion,
      Optional<LedgerInfoWithSignatures> ledgerInfo)
      implements SyncResponse {
    public Chunk {
      transactions = List.copyOf(transactions);
      infos = List.copyOf(infos);
    }

    @Override
    public void serialize(BcsWriter w) {
      w.writeVariant(0);
      w.writeU64(firstVersion);
      w.writeSeq(transactions);
      w.writeSeq(infos);
      w.writeOption(proof, (ww, p) -> p.serialize(ww));
      w.writeU64(ledgerVersion);
      w.writeOption(ledgerInfo, (ww, li) -> li.serialize(ww));
    }
  }

  /** Variant 1: the server cannot serve the request. */
  record Refused(String reason) implements SyncResponse {
    @Override
    public void serialize(BcsWriter w) {
      w.writeVariant(1).writeString(reason);
    }
  }

  static SyncResponse decode(BcsReader r) throws BcsException {
    if (r.readVariant(2) == 1) {
      return new Refused(r.readString());
    }
    return new Chunk(
        r.readU64(),
        r.readSeq(Transaction::decode),
        r.readSeq(TransactionInfo::decode),
        r.readOption(AccumulatorRangeProof::decode),
        r.readU64(),
        r.readOption(LedgerInfoWithSignatures::decode));
  }

  static SyncResponse fromBcs(byte[] bytes) throws BcsException {
    return BcsReader.decode(bytes, SyncResponse::decode);
  }
}
