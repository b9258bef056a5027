package io.astraea.ledger.types;

import io.astraea.crypto.AccountAddress;
import io.astraea.crypto.bcs.BcsEncodable;
import io.astraea.crypto.bcs.BcsException;
import io.astraea.crypto.bcs.BcsReader;
import io.astraea.crypto.bcs.BcsWriter;
import io.astraea.crypto.quorum.ValidatorConsensusInfo;
import java.util.Objects;

/**
 * One member of the on-chain validator set (Diem layout): the validator's account address, its
 * voting power (u64, positive) and its {@link ValidatorConfig}.
 */
public record ValidatorInfo(
    AccountAddress accountAddress, long consensusVotingPower, ValidatorConfig config)
    implements BcsEncodable {

  public ValidatorInfo {
    Objects.requireNonNull(accountAddress, "accountAddress");
    Objects.requireNonNull(config, "config");
  }

  public static ValidatorInfo decode(BcsReader r) throws BcsException {
    return new ValidatorInfo(AccountAddress.decode(r), r.readU64(), ValidatorConfig.decode(r));
  }

  @Override
  public void serialize(BcsWriter w) {
    w.write(accountAddress).writeU64(consensusVotingPower).write(config);
  }

  /** What consensus needs of this validator: key and voting power. */
  public ValidatorConsensusInfo consensusInfo() {
    return new ValidatorConsensusInfo(config.consensusPublicKey(), consensusVotingPower);
  }
}
