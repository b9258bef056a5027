package io.astraea.ledger.types;

import io.astraea.crypto.AccountAddress;
import io.astraea.crypto.bcs.BcsEncodable;
import io.astraea.crypto.bcs.BcsException;
import io.astraea.crypto.bcs.BcsReader;
import io.astraea.crypto.bcs.BcsWriter;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HexFormat;
import java.util.Objects;

/**
 * Names an event stream: the 8-byte little-endian creation number of the handle followed by the
 * 16-byte address of the account that owns it (24 bytes). BCS form: a length-prefixed 24-byte
 * vector, as in Diem; the hex form is what Diem's JSON-RPC prints as an event key.
 */
public record EventKey(long creationNumber, AccountAddress address)
    implements BcsEncodable, Comparable<EventKey> {
  public static final int LENGTH = 24;

  public EventKey {
    Objects.requireNonNull(address, "address");
  }

  public static EventKey fromBytes(byte[] b) {
    if (b.length != LENGTH) {
      throw new IllegalArgumentException("an event key is 24 bytes, got " + b.length);
    }
    long n = ByteBuffer.wrap(b, 0, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
    byte[] addr = new byte[AccountAddress.LENGTH];
    System.arraycopy(b, 8, addr, 0, AccountAddress.LENGTH);
    return new EventKey(n, AccountAddress.of(HexFormat.of().formatHex(addr)));
  }

  public static EventKey fromHex(String hex) {
    return fromBytes(HexFormat.of().parseHex(hex.startsWith("0x") ? hex.substring(2) : hex));
  }

  public static EventKey decode(BcsReader r) throws BcsException {
    int at = r.position();
    byte[] b = r.readBytes();
    if (b.length != LENGTH) {
      throw new BcsException("an event key is 24 bytes, got " + b.length, at);
    }
    return fromBytes(b);
  }

  public byte[] toBytes() {
    ByteBuffer buf = ByteBuffer.allocate(LENGTH).order(ByteOrder.LITTLE_ENDIAN);
    buf.putLong(creationNumber);
    buf.put(address.toBytes());
    return buf.array();
  }

  public String toHex() {
    return HexFormat.of().formatHex(toBytes());
  }

  @Override
  public void serialize(BcsWriter w) {
    w.writeBytes(toBytes());
  }

  /** Orders by encoded bytes, the order storage indexes use. */
  @Override
  public int compareTo(EventKey o) {
    return java.util.Arrays.compareUnsigned(toBytes(), o.toBytes());
  }

  @Override
  public String toString() {
    return toHex();
  }
}
