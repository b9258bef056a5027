package io.astraea.config;

import io.astraea.crypto.AccountAddress;
import io.astraea.crypto.AuthenticationKey;

/**
 * A testnet account funded at genesis (never allowed on mainnet, chain id 1). Its address is
 * derived from the authentication key; the same key may appear once per currency.
 *
 * @param amount the balance in base units of {@code currency}, positive
 */
public record GenesisAccount(AuthenticationKey authKey, String currency, long amount) {
  public AccountAddress address() {
    return authKey.derivedAddress();
  }
}
