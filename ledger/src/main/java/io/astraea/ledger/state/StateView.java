package io.astraea.ledger.state;

import io.astraea.crypto.AccountAddress;
import io.astraea.crypto.HashValue;
import java.util.Optional;

/**
 * Read-only access to the ledger state at one version: the executor's only input besides the
 * block, so the same view and block always give the same outputs. Storage implements it over the
 * Jellyfish Merkle tree; tests over a map.
 */
public interface StateView {
  /** The value stored under a state tree key, if any. */
  Optional<byte[]> get(HashValue key);

  /** The raw blob of the account at {@code address}, if it exists. */
  default Optional<byte[]> getAccountBlob(AccountAddress address) {
    return get(StateKeys.accountKey(address));
  }
}
