package io.astraea.node.net;

/** The network could not start (for example, its listen port is taken). */
public final class NetworkException extends Exception {
  public NetworkException(String message, Throwable cause) {
    super(message, cause);
  }
}
