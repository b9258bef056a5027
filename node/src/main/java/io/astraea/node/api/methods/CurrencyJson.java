package io.astraea.node.api.methods;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.astraea.ledger.state.CurrencyInfo;

/**
 * Diem's {@code CurrencyInfo} view: code, scaling, fractional part, the exchange rate to XDX as a
 * float (the on-chain value is a FixedPoint32), and the keys of the currency's event streams.
 */
final class CurrencyJson {
  private static final double FIXED_POINT_32 = 4294967296.0;

  private CurrencyJson() {}

  static ObjectNode of(CurrencyInfo c) {
    ObjectNode o = Json.F.objectNode();
    o.put("code", c.code());
    o.set("scaling_factor", Json.u64(c.scalingFactor()));
    o.set("fractional_part", Json.u64(c.fractionalPart()));
    o.put("to_xdx_exchange_rate", (float) (unsigned(c.toXdxExchangeRate()) / FIXED_POINT_32));
    o.put("mint_events_key", c.mintEvents().key().toHex());
    o.put("burn_events_key", c.burnEvents().key().toHex());
    o.put("preburn_events_key", c.preburnEvents().key().toHex());
    o.put("cancel_burn_events_key", c.cancelBurnEvents().key().toHex());
    o.put("exchange_rate_update_events_key", c.exchangeRateUpdateEvents().key().toHex());
    return o;
  }

  static double unsigned(long v) {
    return v >= 0 ? v : (double) (v >>> 1) * 2.0 + (v & 1);
  }
}
