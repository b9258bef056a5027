package io.astraea.ledger.types;

import io.astraea.crypto.AccountAddress;
import io.astraea.crypto.bcs.BcsEncodable;
import io.astraea.crypto.bcs.BcsException;
import io.astraea.crypto.bcs.BcsReader;
import io.astraea.crypto.bcs.BcsWriter;
import io.astraea.crypto.quorum.EpochState;
import io.astraea.crypto.quorum.ValidatorConsensusInfo;
import io.astraea.crypto.quorum.ValidatorVerifier;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The on-chain validator set (Diem's {@code ValidatorSet}): a consensus scheme tag (only Ed25519,
 * variant 0) and the validators in on-chain order. Decoding rejects duplicate addresses and zero
 * voting power, which would make the derived {@link ValidatorVerifier} ill-defined.
 */
public record ValidatorSet(List<ValidatorInfo> validators) implements BcsEncodable {
  /** Diem's {@code ConsensusScheme}: only Ed25519 exists. */
  static final int SCHEME_VARIANTS = 1;

  public ValidatorSet {
    validators = List.copyOf(validators);
    String problem = problem(validators);
    if (problem != null) {
      throw new IllegalArgumentException(problem);
    }
  }

  private static String problem(List<ValidatorInfo> validators) {
    TreeMap<AccountAddress, Boolean> seen = new TreeMap<>();
    long total = 0;
    for (ValidatorInfo v : validators) {
      if (seen.put(v.accountAddress(), Boolean.TRUE) != null) {
        return "duplicate validator " + v.accountAddress();
      }
      if (v.consensusVotingPower() <= 0) {
        return "validator " + v.accountAddress() + " has non-positive voting power";
      }
      total += v.consensusVotingPower();
      if (total < 0) {
        return "total voting power overflows";
      }
    }
    return null;
  }

  public static ValidatorSet decode(BcsReader r) throws BcsException {
    int at = r.position();
    r.readVariant(SCHEME_VARIANTS);
    List<ValidatorInfo> list = r.readSeq(ValidatorInfo::decode);
    String problem = problem(list);
    if (problem != null) {
      throw new BcsException(problem, at);
    }
    return new ValidatorSet(list);
  }

  @Override
  public void serialize(BcsWriter w) {
    w.writeVariant(0).writeSeq(validators);
  }

  public Optional<ValidatorInfo> find(AccountAddress address) {
    return validators.stream().filter(v -> v.accountAddress().equals(address)).findFirst();
  }

  /** The consensus view of this set; fails on an empty set, which cannot run an epoch. */
  public ValidatorVerifier toVerifier() {
    TreeMap<AccountAddress, ValidatorConsensusInfo> map = new TreeMap<>();
    for (ValidatorInfo v : validators) {
      map.put(v.accountAddress(), v.consensusInfo());
    }
    return new ValidatorVerifier(map);
  }

  public EpochState toEpochState(long epoch) {
    return new EpochState(epoch, toVerifier());
  }
}
