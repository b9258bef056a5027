package io.astraea.crypto;

/** Bytes that are not a valid key, signature or address (wrong length, off-curve, small order…). */
public final class CryptoMaterialException extends Exception {
  public CryptoMaterialException(String message) {
    super(message);
  }

  public CryptoMaterialException(String message, Throwable cause) {
    super(message, cause);
  }
}
