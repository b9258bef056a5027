package io.astraea.node.ledger;

import io.astraea.crypto.HashValue;

/**
 * The database was created for another network: its version-0 transaction is not the genesis the
 * configuration describes. The node refuses to start; the message names both hashes so an
 * operator can tell which file or directory is wrong.
 */
public final class GenesisMismatchException extends Exception {
  private final HashValue configured;
  private final HashValue stored;

  public GenesisMismatchException(HashValue configured, HashValue stored) {
    super("genesis mismatch: the configured genesis has hash " + configured.toHex()
        + " but the database holds genesis " + stored.toHex());
    this.configured = configured;
    this.stored = stored;
  }

  public HashValue configured() {
    return configured;
  }

  public HashValue stored() {
    return stored;
  }
}
