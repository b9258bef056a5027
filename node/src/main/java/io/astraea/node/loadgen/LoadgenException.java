package io.astraea.node.loadgen;

/** The load generator could not set up or run its workload (bad manifest, faucet refused, ...). */
public final class LoadgenException extends Exception {
  public LoadgenException(String message) {
    super(message);
  }

  public LoadgenException(String message, Throwable cause) {
    super(message, cause);
  }
}
