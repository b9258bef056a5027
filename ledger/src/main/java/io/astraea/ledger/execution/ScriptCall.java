package io.astraea.ledger.execution;

import io.astraea.crypto.AccountAddress;
import io.astraea.ledger.types.Bytes;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A recognised standard script with its arguments decoded and type-checked: {@code values} holds,
 * in parameter order, a {@link Long} (u64), {@link AccountAddress}, {@link Bytes} or
 * {@link Boolean} per {@link StandardScript.Param}.
 */
public record ScriptCall(StandardScript script, Optional<String> currency, List<Object> values) {
  public ScriptCall {
    Objects.requireNonNull(script, "script");
    Objects.requireNonNull(currency, "currency");
    values = List.copyOf(values);
  }

  public long u64(int index) {
    return (Long) values.get(index);
  }

  public AccountAddress address(int index) {
    return (AccountAddress) values.get(index);
  }

  public Bytes bytes(int index) {
    return (Bytes) values.get(index);
  }

  public boolean bool(int index) {
    return (Boolean) values.get(index);
  }

  /** The currency type argument; present for every script that {@link StandardScript#takesCurrency}. */
  public String currencyCode() {
    return currency.orElseThrow();
  }
}
