package io.astraea.consensus.types;

import io.astraea.crypto.Ed25519Signature;
import io.astraea.crypto.bcs.BcsEncodable;
import io.astraea.crypto.bcs.BcsException;
import io.astraea.crypto.bcs.BcsReader;
import io.astraea.crypto.bcs.BcsWriter;

/** A 2-chain timeout and its author's signature, as attached to a vote. */
public record TimeoutWithSignature(TwoChainTimeout timeout, Ed25519Signature signature)
    implements BcsEncodable {
  public static TimeoutWithSignature decode(BcsReader r) throws BcsException {
    r.enter();
    TimeoutWithSignature t =
        new TimeoutWithSignature(TwoChainTimeout.decode(r), Ed25519Signature.decode(r));
    r.leave();
    return t;
  }

  @Override
  public void serialize(BcsWriter w) {
    timeout.serialize(w);
    signature.serialize(w);
  }
}
