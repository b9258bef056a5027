package io.astraea.ledger.types;

import io.astraea.crypto.CryptoHasher;
import io.astraea.crypto.HashValue;
import io.astraea.crypto.bcs.BcsException;
import io.astraea.crypto.bcs.BcsReader;
import io.astraea.crypto.bcs.BcsWriter;
import io.astraea.crypto.bcs.HashCodec;
import java.util.Objects;

/**
 * The leaf of the transaction accumulator: binds a transaction's hash to the state root after it,
 * the root of its event accumulator, the gas it used and its kept status. Fields in Diem's order:
 * transaction_hash, state_root_hash, event_root_hash, gas_used, status. Hashed as
 * {@code DIEM::TransactionInfo}.
 *
 * <p>Immutable; its encoding and hash (the accumulator leaf) are computed once ({@link MemoizedBcs}):
 * both are needed by execution and again by the commit.
 */
public final class TransactionInfo extends MemoizedBcs {
  public static final CryptoHasher HASHER = CryptoHasher.forType("TransactionInfo");

  private final HashValue transactionHash;
  private final HashValue stateRootHash;
  private final HashValue eventRootHash;
  private final long gasUsed;
  private final KeptVmStatus status;

  public TransactionInfo(HashValue transactionHash, HashValue stateRootHash, HashValue eventRootHash, long gasUsed,
      KeptVmStatus status) {
    this.transactionHash = Objects.requireNonNull(transactionHash, "transactionHash");
    this.stateRootHash = Objects.requireNonNull(stateRootHash, "stateRootHash");
    this.eventRootHash = Objects.requireNonNull(eventRootHash, "eventRootHash");
    this.gasUsed = gasUsed;
    this.status = Objects.requireNonNull(status, "status");
  }

  public HashValue transactionHash() {
    return transactionHash;
  }

  public HashValue stateRootHash() {
    return stateRootHash;
  }

  public HashValue eventRootHash() {
    return eventRootHash;
  }

  public long gasUsed() {
    return gasUsed;
  }

  public KeptVmStatus status() {
    return status;
  }

  public static TransactionInfo decode(BcsReader r) throws BcsException {
    return new TransactionInfo(
        HashCodec.decode(r),
        HashCodec.decode(r),
        HashCodec.decode(r),
        r.readU64(),
        KeptVmStatus.decode(r));
  }

  public static TransactionInfo fromBcs(byte[] bytes) throws BcsException {
    return BcsReader.decode(bytes, TransactionInfo::decode);
  }

  @Override
  public void serialize(BcsWriter w) {
    HashCodec.write(w, transactionHash);
    HashCodec.write(w, stateRootHash);
    HashCodec.write(w, eventRootHash);
    w.writeU64(gasUsed).write(status);
  }

  @Override
  CryptoHasher hasher() {
    return HASHER;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TransactionInfo i && i.gasUsed == gasUsed && i.transactionHash.equals(transactionHash)
        && i.stateRootHash.equals(stateRootHash) && i.eventRootHash.equals(eventRootHash) && i.status.equals(status);
  }

  @Override
  public int hashCode() {
    return Objects.hash(transactionHash, stateRootHash, eventRootHash, gasUsed, status);
  }

  @Override
  public String toString() {
    return "TransactionInfo[transactionHash=" + transactionHash + ", stateRootHash=" + stateRootHash
        + ", eventRootHash=" + eventRootHash + ", gasUsed=" + gasUsed + ", status=" + status + "]";
  }
}
