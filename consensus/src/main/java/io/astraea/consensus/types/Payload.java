package io.astraea.consensus.types;

import io.astraea.crypto.bcs.BcsEncodable;
import io.astraea.crypto.bcs.BcsException;
import io.astraea.crypto.bcs.BcsReader;
import io.astraea.crypto.bcs.BcsWriter;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * A block's transactions as consensus sees them: opaque bytes (the BCS encoding of the payload,
 * produced and interpreted by the ledger). Encoded as a BCS byte vector so a core that cannot
 * parse transactions can still decode, hash and relay blocks.
 */
public final class Payload implements BcsEncodable {
  public static final Payload EMPTY = new Payload(new byte[0]);

  private final byte[] bytes;

  private Payload(byte[] bytes) {
    this.bytes = bytes;
  }

  public static Payload of(byte[] bytes) {
    return bytes.length == 0 ? EMPTY : new Payload(bytes.clone());
  }

  public static Payload decode(BcsReader r) throws BcsException {
    byte[] b = r.readBytes();
    return b.length == 0 ? EMPTY : new Payload(b);
  }

  @Override
  public void serialize(BcsWriter w) {
    w.writeBytes(bytes);
  }

  public byte[] toBytes() {
    return bytes.clone();
  }

  public int size() {
    return bytes.length;
  }

  public boolean isEmpty() {
    return bytes.length == 0;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Payload p && Arrays.equals(bytes, p.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    String hex = HexFormat.of().formatHex(bytes, 0, Math.min(8, bytes.length));
    return "Payload(" + bytes.length + " bytes, " + hex + (bytes.length > 8 ? "..)" : ")");
  }
}
