package io.astraea.ledger.state;

import io.astraea.crypto.AccountAddress;
import io.astraea.crypto.bcs.BcsException;
import io.astraea.crypto.bcs.BcsReader;
import io.astraea.crypto.bcs.BcsWriter;
import io.astraea.ledger.types.EventKey;
import java.util.Objects;

/**
 * A stream of events owned by an account resource (Diem's {@code Event::EventHandle}): the number
 * of events emitted so far and the stream's key (creation number of the handle under its owner,
 * then the owner's address). The next event gets sequence number {@link #counter()}.
 */
public record EventHandle(long counter, EventKey key) {
  public EventHandle {
    Objects.requireNonNull(key, "key");
  }

  /** A fresh handle for the {@code creationNumber}-th stream created under {@code owner}. */
  public static EventHandle create(AccountAddress owner, long creationNumber) {
    return new EventHandle(0, new EventKey(creationNumber, owner));
  }

  /** The handle after one more event has been emitted on it. */
  public EventHandle next() {
    return new EventHandle(U64.add(counter, 1), key);
  }

  /** Reads {@code counter: u64, key: EventKey}; the key is parsed from its 24 bytes directly. */
  public static EventHandle decode(BcsReader r) throws BcsException {
    long counter = r.readU64();
    int at = r.position();
    byte[] k = r.readBytes();
    if (k.length != EventKey.LENGTH) {
      throw new BcsException("an event key is 24 bytes, got " + k.length, at);
    }
    long creation = 0;
    for (int i = 0; i < 8; i++) {
      creation |= (long) (k[i] & 0xff) << (8 * i);
    }
    try {
      AccountAddress owner =
          AccountAddress.fromBytes(java.util.Arrays.copyOfRange(k, 8, EventKey.LENGTH));
      return new EventHandle(counter, new EventKey(creation, owner));
    } catch (io.astraea.crypto.CryptoMaterialException e) {
      throw new BcsException(e.getMessage(), at);
    }
  }

  public void serialize(BcsWriter w) {
    w.writeU64(counter).write(key);
  }

  @Override
  public String toString() {
    return "EventHandle(" + U64.toString(counter) + ", " + key + ")";
  }
}
