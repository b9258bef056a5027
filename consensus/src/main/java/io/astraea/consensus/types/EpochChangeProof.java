package io.astraea.consensus.types;

import io.astraea.crypto.bcs.BcsException;
import io.astraea.crypto.bcs.BcsReader;
import io.astraea.crypto.bcs.BcsWriter;
import io.astraea.crypto.quorum.EpochState;
import io.astraea.crypto.quorum.LedgerInfoWithSignatures;
import io.astraea.crypto.quorum.VerifyException;
import java.util.List;

/**
 * A chain of epoch-ending ledger infos, each signed by the validators of its epoch: lets a node
 * that trusts epoch E learn the validator set of a later epoch.
 */
public record EpochChangeProof(List<LedgerInfoWithSignatures> ledgerInfoWithSigs, boolean more)
    implements ConsensusMsg {

  public EpochChangeProof {
    ledgerInfoWithSigs = List.copyOf(ledgerInfoWithSigs);
  }

  public static EpochChangeProof decode(BcsReader r) throws BcsException {
    return new EpochChangeProof(r.readSeq(LedgerInfoWithSignatures::decode), r.readBool());
  }

  @Override
  public void serialize(BcsWriter w) {
    w.writeSeq(ledgerInfoWithSigs);
    w.writeBool(more);
  }

  @Override
  public int variant() {
    return 5;
  }

  @Override
  public long epoch() {
    return ledgerInfoWithSigs.isEmpty() ? -1 : ledgerInfoWithSigs.get(0).ledgerInfo().epoch();
  }

  /**
   * Walks the chain from {@code trusted}: each ledger info must be of the current epoch, signed
   * by its quorum, and end the epoch; returns the last epoch state reached.
   */
  public EpochState verify(EpochState trusted, SignatureChecker checker) throws VerifyException {
    if (ledgerInfoWithSigs.isEmpty()) {
      throw new VerifyException(VerifyException.Kind.INCONSISTENT, "empty epoch change proof");
    }
    EpochState current = trusted;
    for (LedgerInfoWithSignatures li : ledgerInfoWithSigs) {
      if (li.ledgerInfo().epoch() != current.epoch()) {
        throw new VerifyException(
            VerifyException.Kind.WRONG_EPOCH,
            "ledger info of epoch " + li.ledgerInfo().epoch() + ", expected " + current.epoch());
      }
      if (!li.ledgerInfo().endsEpoch()) {
        throw new VerifyException(
            VerifyException.Kind.INCONSISTENT, "ledger info does not end its epoch");
      }
      checker.verifyQuorum(
          current.verifier(), li.ledgerInfo().signingMessage(), li.signatures());
      current = li.ledgerInfo().commitInfo().nextEpochState().get();
    }
    return current;
  }
}
