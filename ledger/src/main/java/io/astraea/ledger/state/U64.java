package io.astraea.ledger.state;

/**
 * Unsigned 64-bit arithmetic on {@code long}: every amount on the ledger is a Move {@code u64},
 * and no amount may ever wrap. Overflow and underflow throw {@link ArithmeticException}, which the
 * executor turns into Diem's {@code ARITHMETIC_ERROR}.
 */
public final class U64 {
  private U64() {}

  public static long add(long a, long b) {
    long r = a + b;
    if (Long.compareUnsigned(r, a) < 0) {
      throw new ArithmeticException("u64 addition overflows");
    }
    return r;
  }

  public static long sub(long a, long b) {
    if (Long.compareUnsigned(a, b) < 0) {
      throw new ArithmeticException("u64 subtraction underflows");
    }
    return a - b;
  }

  public static long mul(long a, long b) {
    long r = a * b;
    if (a != 0 && Long.divideUnsigned(r, a) != b) {
      throw new ArithmeticException("u64 multiplication overflows");
    }
    return r;
  }

  /** Whether {@code a < b} as unsigned values. */
  public static boolean lessThan(long a, long b) {
    return Long.compareUnsigned(a, b) < 0;
  }

  public static String toString(long v) {
    return Long.toUnsignedString(v);
  }
}
