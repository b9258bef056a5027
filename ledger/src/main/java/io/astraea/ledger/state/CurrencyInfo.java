package io.astraea.ledger.state;

import io.astraea.crypto.bcs.BcsException;
import io.astraea.crypto.bcs.BcsReader;
import io.astraea.crypto.bcs.BcsWriter;
import java.math.BigInteger;
import java.util.Objects;

/**
 * A registered currency (Diem's {@code Diem::CurrencyInfo<C>}): its code, the total value in
 * circulation (u128, including preburned coins), the part of it waiting to be burned, its scale,
 * its exchange rate to XDX as a FixedPoint32 (u64 whose low 32 bits are the fraction), and the
 * event streams for mint, burn, preburn, cancel-burn and exchange-rate updates.
 *
 * <p>Invariant kept by the executor: {@code totalValue} equals the sum of every account's balance
 * in the currency plus every outstanding preburn, and {@code preburnValue} equals the latter.
 */
public record CurrencyInfo(
    String code,
    BigInteger totalValue,
    long preburnValue,
    long toXdxExchangeRate,
    boolean isSynthetic,
    long scalingFactor,
    long fractionalPart,
    boolean canMint,
    EventHandle mintEvents,
    EventHandle burnEvents,
    EventHandle preburnEvents,
    EventHandle cancelBurnEvents,
    EventHandle exchangeRateUpdateEvents) {

  private static final BigInteger U128_MAX = BigInteger.ONE.shiftLeft(128).subtract(BigInteger.ONE);

  public CurrencyInfo {
    Objects.requireNonNull(code, "code");
    if (totalValue.signum() < 0 || totalValue.compareTo(U128_MAX) > 0) {
      throw new IllegalArgumentException("total value is a u128");
    }
    Objects.requireNonNull(mintEvents, "mintEvents");
    Objects.requireNonNull(burnEvents, "burnEvents");
    Objects.requireNonNull(preburnEvents, "preburnEvents");
    Objects.requireNonNull(cancelBurnEvents, "cancelBurnEvents");
    Objects.requireNonNull(exchangeRateUpdateEvents, "exchangeRateUpdateEvents");
  }

  /** The largest value a u128 total may reach. */
  public static BigInteger maxTotalValue() {
    return U128_MAX;
  }

  /** A copy with a different total and preburn value (throws if the total leaves the u128 range). */
  public CurrencyInfo withValues(BigInteger total, long preburn) {
    if (total.signum() < 0 || total.compareTo(U128_MAX) > 0) {
      throw new ArithmeticException("currency total value leaves the u128 range");
    }
    return new CurrencyInfo(
        code, total, preburn, toXdxExchangeRate, isSynthetic, scalingFactor, fractionalPart,
        canMint, mintEvents, burnEvents, preburnEvents, cancelBurnEvents, exchangeRateUpdateEvents);
  }

  public CurrencyInfo withExchangeRate(long rate) {
    return new CurrencyInfo(
        code, totalValue, preburnValue, rate, isSynthetic, scalingFactor, fractionalPart, canMint,
        mintEvents, burnEvents, preburnEvents, cancelBurnEvents, exchangeRateUpdateEvents);
  }

  /** A copy with the given handles advanced; callers pass the handles after emitting. */
  public CurrencyInfo withHandles(
      EventHandle mint, EventHandle burn, EventHandle preburn, EventHandle cancelBurn,
      EventHandle rateUpdate) {
    return new CurrencyInfo(
        code, totalValue, preburnValue, toXdxExchangeRate, isSynthetic, scalingFactor,
        fractionalPart, canMint, mint, burn, preburn, cancelBurn, rateUpdate);
  }

  public static CurrencyInfo decode(BcsReader r) throws BcsException {
    return new CurrencyInfo(
        r.readString(),
        r.readU128(),
        r.readU64(),
        r.readU64(),
        r.readBool(),
        r.readU64(),
        r.readU64(),
        r.readBool(),
        EventHandle.decode(r),
        EventHandle.decode(r),
        EventHandle.decode(r),
        EventHandle.decode(r),
        EventHandle.decode(r));
  }

  public void serialize(BcsWriter w) {
    w.writeString(code).writeU128(totalValue).writeU64(preburnValue).writeU64(toXdxExchangeRate);
    w.writeBool(isSynthetic).writeU64(scalingFactor).writeU64(fractionalPart).writeBool(canMint);
    mintEvents.serialize(w);
    burnEvents.serialize(w);
    preburnEvents.serialize(w);
    cancelBurnEvents.serialize(w);
    exchangeRateUpdateEvents.serialize(w);
  }
}
