package io.astraea.node.cli;

import io.astraea.crypto.AccountAddress;
import io.astraea.crypto.AuthenticationKey;
import io.astraea.crypto.keys.KeyFileException;
import io.astraea.crypto.keys.KeyFiles;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Which account a read command is about: the one a key file controls, or an address. */
final class AccountTarget {
  @Option(names = "--key", paramLabel = "FILE", description = "Private key file of the account.")
  Path key;

  @Option(names = "--address", paramLabel = "ADDR", converter = AccountAddressConverter.class,
      description = "Account address (hex).")
  AccountAddress address;

  AccountAddress resolve() throws KeyFileException {
    if (address != null) {
      return address;
    }
    return AuthenticationKey.ed25519(KeyFiles.readPrivateKey(key).publicKey()).derivedAddress();
  }
}
