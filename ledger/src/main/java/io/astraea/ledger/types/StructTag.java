package io.astraea.ledger.types;

import io.astraea.crypto.AccountAddress;
import io.astraea.crypto.bcs.BcsEncodable;
import io.astraea.crypto.bcs.BcsException;
import io.astraea.crypto.bcs.BcsReader;
import io.astraea.crypto.bcs.BcsWriter;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A fully qualified Move struct type, {@code address::module::name<type_params>}; BCS fields in
 * Diem's order: address, module, name, type_params.
 */
public record StructTag(
    AccountAddress address, Identifier module, Identifier name, List<TypeTag> typeParams)
    implements BcsEncodable {

  public StructTag {
    Objects.requireNonNull(address, "address");
    Objects.requireNonNull(module, "module");
    Objects.requireNonNull(name, "name");
    typeParams = List.copyOf(typeParams);
  }

  public static StructTag decode(BcsReader r) throws BcsException {
    r.enter();
    StructTag t =
        new StructTag(
            AccountAddress.decode(r),
            Identifier.decode(r),
            Identifier.decode(r),
            r.readSeq(TypeTag::decode));
    r.leave();
    return t;
  }

  @Override
  public void serialize(BcsWriter w) {
    w.write(address).write(module).write(name).writeSeq(typeParams);
  }

  public ModuleId moduleId() {
    return new ModuleId(address, module);
  }

  @Override
  public String toString() {
    String base = Addresses.shortHex(address) + "::" + module + "::" + name;
    return typeParams.isEmpty()
        ? base
        : base + typeParams.stream().map(Object::toString).collect(Collectors.joining(", ", "<", ">"));
  }
}
