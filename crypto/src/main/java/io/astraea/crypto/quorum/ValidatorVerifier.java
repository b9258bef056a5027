package io.astraea.crypto.quorum;

import io.astraea.crypto.AccountAddress;
import io.astraea.crypto.Ed25519PublicKey;
import io.astraea.crypto.Ed25519Signature;
import io.astraea.crypto.bcs.BcsEncodable;
import io.astraea.crypto.bcs.BcsException;
import io.astraea.crypto.bcs.BcsReader;
import io.astraea.crypto.bcs.BcsWriter;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The validator set of one epoch as consensus sees it: who may sign, with what key and voting
 * power, and how much power is a quorum (more than two thirds of the total).
 *
 * <p>Encoded as Diem's {@code ValidatorVerifier}: the address map sorted by address, then the
 * quorum and total voting power.
 */
public final class ValidatorVerifier implements BcsEncodable {
  private final SortedMap<AccountAddress, ValidatorConsensusInfo> validators;
  private final long quorumVotingPower;
  private final long totalVotingPower;

  public ValidatorVerifier(Map<AccountAddress, ValidatorConsensusInfo> validators) {
    if (validators.isEmpty()) {
      throw new IllegalArgumentException("a validator set cannot be empty");
    }
    this.validators = Collections.unmodifiableSortedMap(new TreeMap<>(validators));
    long total = 0;
    for (ValidatorConsensusInfo v : validators.values()) {
      total = Math.addExact(total, v.votingPower());
    }
    this.totalVotingPower = total;
    this.quorumVotingPower = quorumFor(total);
  }

  /**
   * The smallest power strictly greater than two thirds of {@code total}: {@code total * 2 / 3 + 1}
   * as Diem computes it, evaluated without the overflow {@code total * 2} would hit above
   * {@code Long.MAX_VALUE / 2} ({@code floor(2t/3) = t - ceil(t/3)}).
   */
  public static long quorumFor(long total) {
    long ceilThird = total / 3 + (total % 3 == 0 ? 0 : 1);
    return total - ceilThird + 1;
  }

  public static ValidatorVerifier decode(BcsReader r) throws BcsException {
    int at = r.position();
    Map<AccountAddress, ValidatorConsensusInfo> map =
        r.readMap(AccountAddress::decode, ValidatorConsensusInfo::decode);
    long quorum = r.readU64();
    long total = r.readU64();
    if (map.isEmpty()) {
      throw new BcsException("empty validator set", at);
    }
    ValidatorVerifier v;
    try {
      v = new ValidatorVerifier(map);
    } catch (ArithmeticException e) {
      throw new BcsException("total voting power overflows", at);
    }
    if (v.quorumVotingPower != quorum || v.totalVotingPower != total) {
      throw new BcsException("quorum/total voting power do not match the validators", at);
    }
    return v;
  }

  @Override
  public void serialize(BcsWriter w) {
    w.writeMap(validators, (ww, k) -> k.serialize(ww), (ww, v) -> v.serialize(ww));
    w.writeU64(quorumVotingPower).writeU64(totalVotingPower);
  }

  public SortedMap<AccountAddress, ValidatorConsensusInfo> validators() {
    return validators;
  }

  public Set<AccountAddress> addresses() {
    return validators.keySet();
  }

  public int size() {
    return validators.size();
  }

  public boolean contains(AccountAddress author) {
    return validators.containsKey(author);
  }

  public Optional<Ed25519PublicKey> publicKey(AccountAddress author) {
    ValidatorConsensusInfo v = validators.get(author);
    return v == null ? Optional.empty() : Optional.of(v.publicKey());
  }

  public long votingPower(AccountAddress author) {
    ValidatorConsensusInfo v = validators.get(author);
    return v == null ? 0 : v.votingPower();
  }

  public long quorumVotingPower() {
    return quorumVotingPower;
  }

  public long totalVotingPower() {
    return totalVotingPower;
  }

  /** Checks one author's signature over {@code message} (a signing message with its prefix). */
  public void verify(AccountAddress author, byte[] message, Ed25519Signature signature)
      throws VerifyException {
    ValidatorConsensusInfo v = validators.get(author);
    if (v == null) {
      throw new VerifyException(VerifyException.Kind.UNKNOWN_AUTHOR, author.toHex());
    }
    if (!v.publicKey().verify(message, signature)) {
      throw new VerifyException(VerifyException.Kind.INVALID_SIGNATURE, "by " + author.toHex());
    }
  }

  /** Checks that distinct, known authors together hold a quorum of voting power. */
  public void checkVotingPower(Collection<AccountAddress> authors) throws VerifyException {
    Set<AccountAddress> seen = new HashSet<>();
    long power = 0;
    for (AccountAddress a : authors) {
      if (!seen.add(a)) {
        throw new VerifyException(VerifyException.Kind.DUPLICATE_SIGNER, a.toHex());
      }
      ValidatorConsensusInfo v = validators.get(a);
      if (v == null) {
        throw new VerifyException(VerifyException.Kind.UNKNOWN_AUTHOR, a.toHex());
      }
      power += v.votingPower();
    }
    if (power < quorumVotingPower) {
      throw new VerifyException(
          VerifyException.Kind.TOO_LITTLE_VOTING_POWER,
          power + " < quorum " + quorumVotingPower);
    }
  }

  /**
   * Verifies a quorum certificate's signatures: a quorum of power first (cheap, rejects most
   * forgeries before any curve arithmetic), then every signature.
   */
  public void verifyQuorum(byte[] message, Map<AccountAddress, Ed25519Signature> signatures)
      throws VerifyException {
    checkVotingPower(signatures.keySet());
    for (Map.Entry<AccountAddress, Ed25519Signature> e : signatures.entrySet()) {
      verify(e.getKey(), message, e.getValue());
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ValidatorVerifier v
        && validators.equals(v.validators)
        && quorumVotingPower == v.quorumVotingPower;
  }

  @Override
  public int hashCode() {
    return validators.hashCode();
  }

  @Override
  public String toString() {
    return "ValidatorVerifier" + validators.keySet() + " quorum=" + quorumVotingPower;
  }
}
