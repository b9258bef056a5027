package io.astraea.node.cli;

import io.astraea.crypto.AccountAddress;
import io.astraea.crypto.CryptoMaterialException;
import picocli.CommandLine;

/** Parses {@code --address}/{@code --to}; a malformed address is a usage error (exit 2). */
final class AccountAddressConverter implements CommandLine.ITypeConverter<AccountAddress> {
  @Override
  public AccountAddress convert(String value) {
    try {
      return AccountAddress.fromHex(value);
    } catch (CryptoMaterialException e) {
      throw new CommandLine.TypeConversionException(e.getMessage());
    }
  }
}
