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
 */
public record TransactionInfo(
    HashValue transactionHash,
    HashValue stateRootHash,
    HashValue eventRootHash,
    long gasUsed,
    KeptVmStatus status)
    implements BcsEncodable {

  public static final CryptoHasher HASHER = CryptoHasher.forType("TransactionInfo");

  public TransactionInfo {
    Objects.requireNonNull(transactionHash, "transactionHash");
    Objects.requireNonNull(stateRootHash, "stateRootHash");
    Objects.requireNonNull(eventRootHash, "eventRootHash");
    Objects.requireNonNull(status, "status");
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
    return HASHER.hash(toBcs());
  }
}
