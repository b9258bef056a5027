package io.astraea.ledger.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigInteger;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

class U64Test {
  private static final BigInteger MAX = BigInteger.ONE.shiftLeft(64);

  private static BigInteger u(long v) {
    return new BigInteger(Long.toUnsignedString(v));
  }

  @Property(tries = 300)
  void agreesWithExactArithmetic(@ForAll long a, @ForAll long b) {
    BigInteger sum = u(a).add(u(b));
    if (sum.compareTo(MAX) < 0) {
      assertEquals(sum, u(U64.add(a, b)));
    } else {
      assertThrows(ArithmeticException.class, () -> U64.add(a, b));
    }
    if (u(a).compareTo(u(b)) >= 0) {
      assertEquals(u(a).subtract(u(b)), u(U64.sub(a, b)));
    } else {
      assertThrows(ArithmeticException.class, () -> U64.sub(a, b));
    }
    BigInteger product = u(a).multiply(u(b));
    if (product.compareTo(MAX) < 0) {
      assertEquals(product, u(U64.mul(a, b)));
    } else {
      assertThrows(ArithmeticException.class, () -> U64.mul(a, b));
    }
  }
}
