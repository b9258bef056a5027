package io.astraea.ledger.types;

import io.astraea.crypto.AccountAddress;
import io.astraea.crypto.bcs.BcsEncodable;
import io.astraea.crypto.bcs.BcsException;
import io.astraea.crypto.bcs.BcsReader;
import io.astraea.crypto.bcs.BcsWriter;
import java.util.Objects;

/** A Move module's name: the account that publishes it and its identifier, e.g. {@code 0x1::DiemAccount}. */
public record ModuleId(AccountAddress address, Identifier name) implements BcsEncodable {
  /** The address of Diem's standard library. */
  public static final AccountAddress CORE_CODE_ADDRESS = AccountAddress.of("0x1");

  public ModuleId {
    Objects.requireNonNull(address, "address");
    Objects.requireNonNull(name, "name");
  }

  /** A module of the standard library at {@code 0x1}. */
  public static ModuleId core(String name) {
    return new ModuleId(CORE_CODE_ADDRESS, new Identifier(name));
  }

  public static ModuleId decode(BcsReader r) throws BcsException {
    return new ModuleId(AccountAddress.decode(r), Identifier.decode(r));
  }

  @Override
  public void serialize(BcsWriter w) {
    w.write(address).write(name);
  }

  /** Diem's short form, {@code 0x1::Module}, with leading zeros of the address removed. */
  @Override
  public String toString() {
    return Addresses.shortHex(address) + "::" + name;
  }
}
