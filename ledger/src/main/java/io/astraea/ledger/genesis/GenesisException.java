package io.astraea.ledger.genesis;

/**
 * A genesis that cannot be built from a description (two accounts at one address, an account at
 * a reserved address, a supply beyond u128) or a genesis transaction whose write set is not one
 * Astraea produces.
 */
public final class GenesisException extends Exception {
  public GenesisException(String message) {
    super(message);
  }
}
