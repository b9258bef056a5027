package io.astraea.ledger.types;

import io.astraea.crypto.bcs.BcsEncodable;
import io.astraea.crypto.bcs.BcsException;
import io.astraea.crypto.bcs.BcsReader;
import io.astraea.crypto.bcs.BcsWriter;
import java.util.Objects;

/**
 * A compiled Move module to publish. Astraea decodes it so that such a transaction can be
 * discarded with a status (Diem's {@code UNKNOWN_MODULE}) instead of failing to parse; it never
 * publishes one.
 */
public record Module(Bytes code) implements BcsEncodable {
  public Module {
    Objects.requireNonNull(code, "code");
  }

  public static Module decode(BcsReader r) throws BcsException {
    return new Module(Bytes.decode(r));
  }

  @Override
  public void serialize(BcsWriter w) {
    w.write(code);
  }
}
