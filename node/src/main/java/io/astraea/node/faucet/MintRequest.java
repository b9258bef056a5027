package io.astraea.node.faucet;

import io.astraea.crypto.AuthenticationKey;
import io.astraea.crypto.CryptoMaterialException;
import java.util.List;
import java.util.Map;

/**
 * One {@code POST /mint} request: mint {@code amount} base units of {@code currencyCode} to the
 * account controlled by {@code authKey} (created if it does not exist). {@code returnTxns} asks
 * for the submitted transactions instead of the dealer's next sequence number.
 */
public record MintRequest(long amount, AuthenticationKey authKey, String currencyCode, boolean returnTxns) {
  /** Parses query parameters; every problem is a {@link FaucetException.Kind#BAD_REQUEST}. */
  public static MintRequest parse(Map<String, List<String>> query) throws FaucetException {
    String amountText = single(query, "amount");
    long amount;
    try {
      amount = Long.parseLong(amountText);
    } catch (NumberFormatException e) {
      throw bad("amount must be a positive integer, got '" + amountText + "'");
    }
    if (amount <= 0) {
      throw bad("amount must be a positive integer, got '" + amountText + "'");
    }
    String keyText = single(query, "auth_key");
    AuthenticationKey key;
    try {
      key = AuthenticationKey.fromHex(keyText);
    } catch (CryptoMaterialException | RuntimeException e) {
      throw bad("auth_key must be 64 hex digits (a 32-byte authentication key), got '" + keyText + "'");
    }
    String currency = single(query, "currency_code");
    if (!currency.matches("[A-Za-z][A-Za-z0-9_]{0,31}")) {
      throw bad("currency_code must be a currency code such as XUS, got '" + currency + "'");
    }
    boolean returnTxns = false;
    List<String> rt = query.get("return_txns");
    if (rt != null && !rt.isEmpty()) {
      String v = rt.get(rt.size() - 1);
      if (v.equals("true")) {
        returnTxns = true;
      } else if (!v.equals("false")) {
        throw bad("return_txns must be true or false, got '" + v + "'");
      }
    }
    return new MintRequest(amount, key, currency, returnTxns);
  }

  private static String single(Map<String, List<String>> query, String name) throws FaucetException {
    List<String> v = query.get(name);
    if (v == null || v.isEmpty() || v.get(0).isEmpty()) {
      throw bad("missing parameter " + name);
    }
    if (v.size() > 1) {
      throw bad("parameter " + name + " given more than once");
    }
    return v.get(0);
  }

  private static FaucetException bad(String message) {
    return new FaucetException(FaucetException.Kind.BAD_REQUEST, message);
  }
}
