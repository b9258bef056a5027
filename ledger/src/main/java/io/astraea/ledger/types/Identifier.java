package io.astraea.ledger.types;

import io.astraea.crypto.bcs.BcsEncodable;
import io.astraea.crypto.bcs.BcsException;
import io.astraea.crypto.bcs.BcsReader;
import io.astraea.crypto.bcs.BcsWriter;

/**
 * A Move identifier (module, function, struct or currency name). Valid identifiers are ASCII: a
 * letter followed by letters, digits and underscores, or an underscore followed by at least one
 * such character; {@code <SELF>} is Move's reserved self-module name. Syntax is checked on
 * construction and on decode, so an {@code Identifier} that exists is always well formed.
 */
public record Identifier(String name) implements BcsEncodable, Comparable<Identifier> {
  /** Longest identifier accepted (Move's bytecode limit). */
  public static final int MAX_LENGTH = 65_535;

  private static final String SELF = "<SELF>";

  public Identifier {
    if (!isValid(name)) {
      throw new IllegalArgumentException("invalid Move identifier: '" + name + "'");
    }
  }

  /** Whether {@code s} follows Move's identifier syntax. */
  public static boolean isValid(String s) {
    if (s == null || s.isEmpty() || s.length() > MAX_LENGTH) {
      return false;
    }
    if (s.equals(SELF)) {
      return true;
    }
    char first = s.charAt(0);
    if (first == '_') {
      if (s.length() == 1) {
        return false;
      }
    } else if (!isLetter(first)) {
      return false;
    }
    for (int i = 1; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!(isLetter(c) || (c >= '0' && c <= '9') || c == '_')) {
        return false;
      }
    }
    return true;
  }

  private static boolean isLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  public static Identifier decode(BcsReader r) throws BcsException {
    int at = r.position();
    String s = r.readString();
    if (!isValid(s)) {
      throw new BcsException("invalid Move identifier", at);
    }
    return new Identifier(s);
  }

  @Override
  public void serialize(BcsWriter w) {
    w.writeString(name);
  }

  @Override
  public int compareTo(Identifier o) {
    return name.compareTo(o.name);
  }

  @Override
  public String toString() {
    return name;
  }
}
