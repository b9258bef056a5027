package io.astraea.crypto.quorum;

import io.astraea.crypto.CryptoHasher;
import io.astraea.crypto.HashValue;
import io.astraea.crypto.bcs.BcsEncodable;
import io.astraea.crypto.bcs.BcsException;
import io.astraea.crypto.bcs.BcsReader;
import io.astraea.crypto.bcs.BcsWriter;
import io.astraea.crypto.bcs.HashCodec;

/**
 * The statement a quorum signs when it commits: "the ledger is at {@code commitInfo}". The
 * {@code consensusDataHash} binds it to the vote that produced it.
 */
public record LedgerInfo(BlockInfo commitInfo, HashValue consensusDataHash)
    implements BcsEncodable {
  public static final CryptoHasher HASHER = CryptoHasher.forType("LedgerInfo");

  public static LedgerInfo decode(BcsReader r) throws BcsException {
    return new LedgerInfo(BlockInfo.decode(r), HashCodec.decode(r));
  }

  @Override
  public void serialize(BcsWriter w) {
    commitInfo.serialize(w);
    HashCodec.write(w, consensusDataHash);
  }

  /** The bytes validators sign: {@code sha3("DIEM::LedgerInfo") || bcs(this)}. */
  public byte[] signingMessage() {
    return HASHER.signingMessage(toBcs());
  }

  public HashValue hash() {
    return HASHER.hash(toBcs());
  }

  public long epoch() {
    return commitInfo.epoch();
  }

  public long version() {
    return commitInfo.version();
  }

  public boolean endsEpoch() {
    return commitInfo.hasReconfiguration();
  }
}
