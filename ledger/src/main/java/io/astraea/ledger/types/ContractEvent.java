package io.astraea.ledger.types;

import io.astraea.crypto.CryptoHasher;
import io.astraea.crypto.bcs.BcsException;
import io.astraea.crypto.bcs.BcsReader;
import io.astraea.crypto.bcs.BcsWriter;
import java.util.Objects;

/**
 * An event emitted by a transaction (Diem's {@code ContractEvent::V0}): the stream it belongs to,
 * its position in that stream, the Move type of its payload and the BCS bytes of the payload.
 * Encoded with the V0 tag (variant 0) in front; hashed as {@code DIEM::ContractEvent} over the
 * whole enum, which is the leaf of a transaction's event accumulator.
 *
 * <p>Immutable; the hash is computed once (execution builds the event root from it, and the
 * commit checks that root again).
 */
public final class ContractEvent extends MemoizedBcs {
  public static final CryptoHasher HASHER = CryptoHasher.forType("ContractEvent");
  static final int VARIANTS = 1;

  private final EventKey key;
  private final long sequenceNumber;
  private final TypeTag typeTag;
  private final Bytes eventData;

  public ContractEvent(EventKey key, long sequenceNumber, TypeTag typeTag, Bytes eventData) {
    this.key = Objects.requireNonNull(key, "key");
    this.sequenceNumber = sequenceNumber;
    this.typeTag = Objects.requireNonNull(typeTag, "typeTag");
    this.eventData = Objects.requireNonNull(eventData, "eventData");
  }

  public EventKey key() {
    return key;
  }

  public long sequenceNumber() {
    return sequenceNumber;
  }

  public TypeTag typeTag() {
    return typeTag;
  }

  public Bytes eventData() {
    return eventData;
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

  @Override
  CryptoHasher hasher() {
    return HASHER;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ContractEvent e && e.sequenceNumber == sequenceNumber && e.key.equals(key)
        && e.typeTag.equals(typeTag) && e.eventData.equals(eventData);
  }

  @Override
  public int hashCode() {
    return Objects.hash(key, sequenceNumber, typeTag, eventData);
  }

  @Override
  public String toString() {
    return "ContractEvent[key=" + key + ", sequenceNumber=" + sequenceNumber + ", typeTag=" + typeTag
        + ", eventData=" + eventData + "]";
  }
}
