package io.astraea.ledger.types;

import io.astraea.crypto.CryptoHasher;
import io.astraea.crypto.HashValue;
import io.astraea.crypto.bcs.BcsEncodable;
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
 * <p>Immutable; the hash is computed once (the accumulator leaf is needed by execution and again
 * by the commit).
 */
public final class TransactionInfo implements BcsEncodable {
  public static final CryptoHasher HASHER = CryptoHasher.forType("TransactionInfo");

  private final HashValue transactionHash;
  private final HashValue stateRootHash;
  private final HashValue eventRootHash;
  private final long gasUsed;
  private final KeptVmStatus status;
  private volatile HashValue hash;
  /**
   * The BCS encoding, made once: it is hashed during execution and stored by the commit, and a
   * block has thousands of these.
   */
  private volatile byte[] encoded;

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

  /** The accumulator leaf hash. */
  public HashValue hash() {
    HashValue h = hash;
    if (h == null) {
      h = HASHER.hash(encoded());
      hash = h;
    }
    return h;
  }

  /** A copy of the BCS encoding. */
  @Override
  public byte[] toBcs() {
    return encoded().clone();
  }

  private byte[] encoded() {
    byte[] e = encoded;
    if (e == null) {
      e = BcsEncodable.super.toBcs();
      encoded = e;
    }
    return e;
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
