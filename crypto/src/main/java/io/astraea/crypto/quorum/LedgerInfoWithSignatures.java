package io.astraea.crypto.quorum;

import io.astraea.crypto.AccountAddress;
import io.astraea.crypto.Ed25519Signature;
import io.astraea.crypto.bcs.BcsEncodable;
import io.astraea.crypto.bcs.BcsException;
import io.astraea.crypto.bcs.BcsReader;
import io.astraea.crypto.bcs.BcsWriter;
import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A {@link LedgerInfo} with the signatures of a quorum: what a client needs to trust a node's
 * answer. Encoded as Diem's {@code LedgerInfoWithSignatures::V0}, signatures sorted by address.
 */
public record LedgerInfoWithSignatures(
    LedgerInfo ledgerInfo, SortedMap<AccountAddress, Ed25519Signature> signatures)
    implements BcsEncodable {

  public LedgerInfoWithSignatures {
    signatures = Collections.unmodifiableSortedMap(new TreeMap<>(signatures));
  }

  public static LedgerInfoWithSignatures of(
      LedgerInfo ledgerInfo, Map<AccountAddress, Ed25519Signature> signatures) {
    return new LedgerInfoWithSignatures(ledgerInfo, new TreeMap<>(signatures));
  }

  public static LedgerInfoWithSignatures decode(BcsReader r) throws BcsException {
    r.readVariant(1);
    r.enter();
    LedgerInfo li = LedgerInfo.decode(r);
    Map<AccountAddress, Ed25519Signature> sigs =
        r.readMap(AccountAddress::decode, Ed25519Signature::decode);
    r.leave();
    return of(li, sigs);
  }

  @Override
  public void serialize(BcsWriter w) {
    w.writeVariant(0);
    ledgerInfo.serialize(w);
    w.writeMap(signatures, (ww, k) -> k.serialize(ww), (ww, v) -> v.serialize(ww));
  }

  /** Checks the signatures form a quorum of {@code verifier} over this ledger info. */
  public void verify(ValidatorVerifier verifier) throws VerifyException {
    verifier.verifyQuorum(ledgerInfo.signingMessage(), signatures);
  }

  /** Checks the epoch matches {@code state}'s, then the quorum. */
  public void verify(EpochState state) throws VerifyException {
    if (ledgerInfo.epoch() != state.epoch()) {
      throw new VerifyException(
          VerifyException.Kind.WRONG_EPOCH,
          "ledger info of epoch " + ledgerInfo.epoch() + ", verifier of epoch " + state.epoch());
    }
    verify(state.verifier());
  }
}
