package io.astraea.ledger.storage;

import io.astraea.crypto.HashValue;
import io.astraea.crypto.quorum.LedgerInfoWithSignatures;
import java.util.Optional;

/**
 * Where the ledger stands: the last committed version ({@code -1} when nothing is committed), the
 * accumulator and state roots after it, and the latest ledger info with signatures. This is what
 * a restarting node resumes from.
 */
public record LedgerSummary(
    long latestVersion,
    HashValue accumulatorRoot,
    HashValue stateRoot,
    Optional<LedgerInfoWithSignatures> latestLedgerInfo) {
  public boolean isEmpty() {
    return latestVersion < 0;
  }
}
