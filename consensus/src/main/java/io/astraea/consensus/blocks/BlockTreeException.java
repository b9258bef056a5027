package io.astraea.consensus.blocks;

/** A block or certificate could not be inserted into the tree (unknown parent, bad round...). */
public final class BlockTreeException extends Exception {
  /** Why the tree refused. */
  public enum Kind {
    MISSING_PARENT,
    MISSING_BLOCK,
    BELOW_ROOT,
    BAD_ROUND,
    MISMATCH
  }

  private final Kind kind;

  public BlockTreeException(Kind kind, String message) {
    super(kind + ": " + message);
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }
}
