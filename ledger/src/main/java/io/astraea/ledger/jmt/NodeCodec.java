package io.astraea.ledger.jmt;

import io.astraea.crypto.HashValue;
import io.astraea.crypto.bcs.BcsException;
import io.astraea.crypto.bcs.BcsReader;

/**
 * The stored form of a node.
 *
 * <pre>
 * null:     0x00
 * internal: 0x01 | existence bitmap u16 LE | leaf bitmap u16 LE | per child, lowest nibble first:
 *           version ULEB128 | hash 32 bytes
 * leaf:     0x02 | account key 32 bytes | value hash 32 bytes | value (ULEB128 length, bytes)
 * </pre>
 */
public final class NodeCodec {
  private static final int NULL = 0;
  private static final int INTERNAL = 1;
  private static final int LEAF = 2;

  private NodeCodec() {}

  /**
   * Encodes into an exactly sized array with no intermediate writer: a block encodes tens of
   * thousands of nodes. The bytes are those of the layout above, written with BCS's rules
   * (little-endian {@code u16}, ULEB128 limited to {@code u32}).
   */
  public static byte[] encode(Node node) {
    if (node instanceof InternalNode in) {
      int existence = in.existenceBitmap();
      int size = 5;
      for (int i = 0; i < 16; i++) {
        Child c = in.childOrNull(i);
        if (c != null) {
          size += uleb128Length(c.version()) + HashValue.LENGTH;
        }
      }
      byte[] out = new byte[size];
      out[0] = INTERNAL;
      writeU16(out, 1, existence);
      writeU16(out, 3, in.leafBitmap());
      int p = 5;
      for (int i = 0; i < 16; i++) {
        Child c = in.childOrNull(i);
        if (c != null) {
          p = writeUleb128(out, p, c.version());
          c.hash().copyTo(out, p);
          p += HashValue.LENGTH;
        }
      }
      return out;
    }
    if (node instanceof LeafNode leaf) {
      byte[] value = leaf.valueUnsafe();
      byte[] out = new byte[1 + 2 * HashValue.LENGTH + uleb128Length(value.length) + value.length];
      out[0] = LEAF;
      leaf.accountKey().copyTo(out, 1);
      leaf.valueHash().copyTo(out, 1 + HashValue.LENGTH);
      int p = writeUleb128(out, 1 + 2 * HashValue.LENGTH, value.length);
      System.arraycopy(value, 0, out, p, value.length);
      return out;
    }
    return new byte[] {NULL};
  }

  private static void writeU16(byte[] out, int at, int v) {
    out[at] = (byte) v;
    out[at + 1] = (byte) (v >>> 8);
  }

  /** The ULEB128 length of {@code v}, rejecting values BCS cannot write (beyond {@code u32}). */
  private static int uleb128Length(long v) {
    if (v < 0 || v > 0xFFFF_FFFFL) {
      throw new IllegalArgumentException("ULEB128 value out of u32 range: " + v);
    }
    int n = 1;
    while (v >= 0x80) {
      v >>>= 7;
      n++;
    }
    return n;
  }

  private static int writeUleb128(byte[] out, int at, long v) {
    while (v >= 0x80) {
      out[at++] = (byte) ((v & 0x7f) | 0x80);
      v >>>= 7;
    }
    out[at++] = (byte) v;
    return at;
  }

  public static Node decode(byte[] bytes) throws JmtException {
    try {
      BcsReader r = new BcsReader(bytes);
      Node node = switch (r.readU8()) {
        case NULL -> NullNode.INSTANCE;
        case INTERNAL -> decodeInternal(r);
        case LEAF -> new LeafNode(
            HashValue.wrap(r.readFixedBytes(HashValue.LENGTH)),
            HashValue.wrap(r.readFixedBytes(HashValue.LENGTH)),
            r.readBytes());
        default -> throw new JmtException(JmtException.Kind.CORRUPT_NODE, "unknown node tag");
      };
      r.expectEnd();
      return node;
    } catch (BcsException e) {
      throw new JmtException(JmtException.Kind.CORRUPT_NODE, "undecodable node: " + e.getMessage(), e);
    }
  }

  private static InternalNode decodeInternal(BcsReader r) throws BcsException, JmtException {
    int existing = r.readU16();
    int leaves = r.readU16();
    if (existing == 0 || (leaves & ~existing) != 0) {
      throw new JmtException(JmtException.Kind.CORRUPT_NODE, "inconsistent child bitmaps");
    }
    Child[] children = new Child[16];
    for (int i = 0; i < 16; i++) {
      if ((existing & (1 << i)) != 0) {
        long version = r.readUleb128();
        HashValue hash = HashValue.wrap(r.readFixedBytes(HashValue.LENGTH));
        if (version < 0) {
          throw new JmtException(JmtException.Kind.CORRUPT_NODE, "child version out of range");
        }
        children[i] = new Child(hash, version, (leaves & (1 << i)) != 0);
      }
    }
    return new InternalNode(children);
  }
}
