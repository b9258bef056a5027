package io.astraea.consensus.types;

import io.astraea.crypto.Ed25519Signature;
import io.astraea.crypto.bcs.BcsEncodable;
import io.astraea.crypto.bcs.BcsException;
import io.astraea.crypto.bcs.BcsReader;
import io.astraea.crypto.bcs.BcsWriter;

/** One signer's part of a timeout certificate: its signature and the highest QC round it held. */
public record SignatureWithRound(Ed25519Signature signature, long hqcRound)
    implements BcsEncodable {
  public static SignatureWithRound decode(BcsReader r) throws BcsException {
    r.enter();
    SignatureWithRound s = new SignatureWithRound(Ed25519Signature.decode(r), r.readU64());
    r.leave();
    return s;
  }

  @Override
  public void serialize(BcsWriter w) {
    signature.serialize(w);
    w.writeU64(hqcRound);
  }
}
