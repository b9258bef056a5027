package io.astraea.ledger.types;

import io.astraea.crypto.HashValue;
import io.astraea.crypto.bcs.BcsEncodable;
import io.astraea.crypto.bcs.BcsException;
import io.astraea.crypto.bcs.BcsReader;
import io.astraea.crypto.bcs.BcsWriter;
import java.util.List;
import java.util.Objects;

/**
 * A compiled Move transaction script with its type and value arguments. Astraea has no Move VM: it
 * recognises the standard Diem scripts by {@link #codeHash()} and runs them natively.
 */
public record Script(Bytes code, List<TypeTag> tyArgs, List<TransactionArgument> args)
    implements BcsEncodable {

  public Script {
    Objects.requireNonNull(code, "code");
    tyArgs = List.copyOf(tyArgs);
    args = List.copyOf(args);
  }

  public static Script decode(BcsReader r) throws BcsException {
    return new Script(
        Bytes.decode(r), r.readSeq(TypeTag::decode), r.readSeq(TransactionArgument::decode));
  }

  @Override
  public void serialize(BcsWriter w) {
    w.write(code).writeSeq(tyArgs).writeSeq(args);
  }

  /** {@code sha3_256(code)}, the key of Diem's script allow-list. */
  public HashValue codeHash() {
    return HashValue.sha3Of(code.toArray());
  }
}
