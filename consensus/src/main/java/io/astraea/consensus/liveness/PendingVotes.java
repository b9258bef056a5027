package io.astraea.consensus.liveness;

import io.astraea.consensus.types.QuorumCert;
import io.astraea.consensus.types.SignatureWithRound;
import io.astraea.consensus.types.TwoChainTimeout;
import io.astraea.consensus.types.TwoChainTimeoutCertificate;
import io.astraea.consensus.types.Vote;
import io.astraea.crypto.AccountAddress;
import io.astraea.crypto.Ed25519Signature;
import io.astraea.crypto.HashValue;
import io.astraea.crypto.quorum.LedgerInfoWithSignatures;
import io.astraea.crypto.quorum.ValidatorVerifier;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Collects the verified votes and timeouts of one round until they form a certificate. Votes are
 * grouped by the ledger info they sign; an author voting twice differently in the round is an
 * equivocation and its second vote is not counted.
 */
public final class PendingVotes {
  /** What inserting a vote or timeout did. */
  public sealed interface Outcome {
    record Added() implements Outcome {}

    record Duplicate() implements Outcome {}

    record Equivocation(Vote first, Vote second) implements Outcome {}

    record QcFormed(QuorumCert qc) implements Outcome {}

    record TcFormed(TwoChainTimeoutCertificate tc) implements Outcome {}
  }

  private final ValidatorVerifier verifier;
  private final Map<AccountAddress, Vote> voteByAuthor = new HashMap<>();
  private final Map<HashValue, TreeMap<AccountAddress, Ed25519Signature>> byLedgerInfo =
      new HashMap<>();
  private final TreeMap<AccountAddress, SignatureWithRound> timeouts = new TreeMap<>();
  private TwoChainTimeout highestTimeout;
  private boolean qcFormed;
  private boolean tcFormed;

  public PendingVotes(ValidatorVerifier verifier) {
    this.verifier = verifier;
  }

  public Outcome insertVote(Vote vote) {
    Vote previous = voteByAuthor.get(vote.author());
    if (previous != null) {
      if (previous.ledgerInfo().equals(vote.ledgerInfo())) {
        return new Outcome.Duplicate();
      }
      return new Outcome.Equivocation(previous, vote);
    }
    voteByAuthor.put(vote.author(), vote);
    HashValue key = vote.ledgerInfo().hash();
    TreeMap<AccountAddress, Ed25519Signature> sigs =
        byLedgerInfo.computeIfAbsent(key, k -> new TreeMap<>());
    sigs.put(vote.author(), vote.signature());
    if (!qcFormed && power(sigs.keySet()) >= verifier.quorumVotingPower()) {
      qcFormed = true;
      return new Outcome.QcFormed(
          new QuorumCert(vote.voteData(), LedgerInfoWithSignatures.of(vote.ledgerInfo(), sigs)));
    }
    return new Outcome.Added();
  }

  /** Adds a verified timeout; the certificate embeds the highest QC any signer reported. */
  public Outcome insertTimeout(
      AccountAddress author, TwoChainTimeout timeout, Ed25519Signature signature) {
    if (timeouts.containsKey(author)) {
      return new Outcome.Duplicate();
    }
    timeouts.put(author, new SignatureWithRound(signature, timeout.hqcRound()));
    if (highestTimeout == null || timeout.hqcRound() > highestTimeout.hqcRound()) {
      highestTimeout = timeout;
    }
    if (!tcFormed && power(timeouts.keySet()) >= verifier.quorumVotingPower()) {
      tcFormed = true;
      return new Outcome.TcFormed(new TwoChainTimeoutCertificate(highestTimeout, timeouts));
    }
    return new Outcome.Added();
  }

  /** Voting power of the validators that signed a timeout this round. */
  public long timeoutPower() {
    return power(timeouts.keySet());
  }

  private long power(Iterable<AccountAddress> authors) {
    long p = 0;
    for (AccountAddress a : authors) {
      p += verifier.votingPower(a);
    }
    return p;
  }
}
