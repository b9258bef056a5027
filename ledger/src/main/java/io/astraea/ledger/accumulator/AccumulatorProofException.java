package io.astraea.ledger.accumulator;

/** An accumulator proof does not prove what it was asked to prove. */
public final class AccumulatorProofException extends Exception {
  public AccumulatorProofException(String message) {
    super(message);
  }
}
