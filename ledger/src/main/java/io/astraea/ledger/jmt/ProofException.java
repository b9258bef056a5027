package io.astraea.ledger.jmt;

/** A sparse Merkle proof does not prove what it was asked to prove. */
public final class ProofException extends Exception {
  public ProofException(String message) {
    super(message);
  }
}
