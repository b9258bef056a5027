package io.astraea.crypto.bcs;

/**
 * Malformed BCS input: the single typed failure every decoder raises, carrying the byte offset at
 * which decoding stopped so that operators can locate the fault in a captured frame.
 */
public final class BcsException extends Exception {
  private final int offset;

  public BcsException(String message, int offset) {
    super(message + " (at byte " + offset + ")");
    this.offset = offset;
  }

  public int offset() {
    return offset;
  }
}
