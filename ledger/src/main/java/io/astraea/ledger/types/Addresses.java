package io.astraea.ledger.types;

import io.astraea.crypto.AccountAddress;

/** Formatting helpers for account addresses in human-readable type and module names. */
final class Addresses {
  private Addresses() {}

  /** {@code 0x} followed by the address in hex without leading zeros ({@code 0x1}, {@code 0xa550c18}). */
  static String shortHex(AccountAddress address) {
    String hex = address.toHex();
    int i = 0;
    while (i < hex.length() - 1 && hex.charAt(i) == '0') {
      i++;
    }
    return "0x" + hex.substring(i);
  }
}
