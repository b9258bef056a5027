package io.astraea.ledger.types;

import io.astraea.crypto.CryptoHasher;
import io.astraea.crypto.HashValue;
import io.astraea.crypto.bcs.BcsEncodable;
import io.astraea.crypto.bcs.BcsException;
import io.astraea.crypto.bcs.BcsReader;
import io.astraea.crypto.bcs.BcsWriter;
import java.util.Objects;

/**
 * An event emitted by a transaction (Diem's {@code ContractEvent::V0}): the stream it belongs to,
 * its position in that stream, the Move type of its payload and the BCS bytes of the payload.
 * Encoded with the V0 tag (variant 0) in front; hashed as {@code DIEM::ContractEvent} over the
 * whole enum, which is the leaf of a transaction's event accumulator.
 */
public record ContractEvent(EventKey key, long sequenceNumber, TypeTag typeTag, Bytes eventData)
    implements BcsEncodable {
  public static final CryptoHasher HASHER = CryptoHasher.forType("ContractEvent");
  static final int VARIANTS = 1;

  public ContractEvent {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(typeTag, "typeTag");
    Objects.requireNonNull(eventData, "eventData");
  }

  public static ContractEvent decode(BcsReader r) throws BcsException {
    r.readVariant(VARIANTS);
    return new ContractEvent(
        EventKey.decode(r), r.readU64(), TypeTag.decode(r), Bytes.decode(r));
  }

  public static ContractEvent fromBcs(byte[] bytes) throws BcsException {
    return BcsReader.decode(bytes, ContractEvent::decode);
  }

  @Override
  public void serialize(BcsWriter w) {
    w.writeVariant(0).write(key).writeU64(sequenceNumber).write(typeTag).write(eventData);
  }

  public HashValue hash() {
    return HASHER.hash(toBcs());
  }
}
