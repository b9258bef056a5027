package io.astraea.crypto.keys;

/**
 * A key file could not be read or written. The {@link Kind} tells a caller (the CLI, config
 * validation) which class of problem it is; the message says what to do about it.
 */
public final class KeyFileException extends Exception {
  /** The failure classes of key file handling. */
  public enum Kind {
    /** The file does not exist. */
    NOT_FOUND,
    /** Refusing to overwrite an existing key file. */
    ALREADY_EXISTS,
    /** A private key file is accessible by group or others. */
    INSECURE_PERMISSIONS,
    /** Not PEM, not the expected PEM type, not DER, not Ed25519, or an invalid key. */
    MALFORMED,
    /** The operating system refused the read or write. */
    IO
  }

  private final Kind kind;

  public KeyFileException(Kind kind, String message) {
    super(message);
    this.kind = kind;
  }

  public KeyFileException(Kind kind, String message, Throwable cause) {
    super(message, cause);
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }
}
