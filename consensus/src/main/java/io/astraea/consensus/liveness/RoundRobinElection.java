package io.astraea.consensus.liveness;

import io.astraea.crypto.AccountAddress;
import java.util.List;

/** Validators, in address order, take turns; each leads {@code contiguousRounds} rounds. */
public final class RoundRobinElection implements ProposerElection {
  private final List<AccountAddress> validators;
  private final int contiguousRounds;

  public RoundRobinElection(List<AccountAddress> validators, int contiguousRounds) {
    if (validators.isEmpty() || contiguousRounds <= 0) {
      throw new IllegalArgumentException("need validators and a positive turn length");
    }
    this.validators = validators.stream().sorted().toList();
    this.contiguousRounds = contiguousRounds;
  }

  @Override
  public AccountAddress proposer(long round) {
    return validators.get((int) Long.remainderUnsigned(round / contiguousRounds, validators.size()));
  }
}
