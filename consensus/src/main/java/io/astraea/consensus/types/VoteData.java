package io.astraea.consensus.types;

import io.astraea.crypto.CryptoHasher;
import io.astraea.crypto.HashValue;
import io.astraea.crypto.bcs.BcsEncodable;
import io.astraea.crypto.bcs.BcsException;
import io.astraea.crypto.bcs.BcsReader;
import io.astraea.crypto.bcs.BcsWriter;
import io.astraea.crypto.quorum.BlockInfo;
import io.astraea.crypto.quorum.VerifyException;

/**
 * What a vote is about: the executed block it certifies and that block's parent. Its hash is the
 * {@code consensus_data_hash} of the vote's ledger info, which binds the commit statement to the
 * vote.
 */
public record VoteData(BlockInfo proposed, BlockInfo parent) implements BcsEncodable {
  public static final CryptoHasher HASHER = CryptoHasher.forType("VoteData");

  public static VoteData decode(BcsReader r) throws BcsException {
    r.enter();
    VoteData d = new VoteData(BlockInfo.decode(r), BlockInfo.decode(r));
    r.leave();
    return d;
  }

  @Override
  public void serialize(BcsWriter w) {
    proposed.serialize(w);
    parent.serialize(w);
  }

  public HashValue hash() {
    return HASHER.hash(toBcs());
  }

  /** Checks the parent precedes the proposed block within one epoch. */
  public void verify() throws VerifyException {
    if (proposed.epoch() != parent.epoch()) {
      throw new VerifyException(VerifyException.Kind.INCONSISTENT, "vote data spans two epochs");
    }
    if (Long.compareUnsigned(parent.round(), proposed.round()) >= 0 && proposed.round() != 0) {
      throw new VerifyException(VerifyException.Kind.INCONSISTENT, "parent round not below proposed");
    }
    if (Long.compareUnsigned(parent.version(), proposed.version()) > 0) {
      throw new VerifyException(VerifyException.Kind.INCONSISTENT, "proposed version below parent");
    }
  }
}
