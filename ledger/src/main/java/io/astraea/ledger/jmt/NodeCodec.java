package io.astraea.ledger.jmt;

import io.astraea.crypto.HashValue;
import io.astraea.crypto.bcs.BcsException;
import io.astraea.crypto.bcs.BcsReader;
import io.astraea.crypto.bcs.BcsWriter;

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

  public static byte[] encode(Node node) {
    BcsWriter w = new BcsWriter(80);
    if (node instanceof InternalNode in) {
      w.writeU8(INTERNAL);
      w.writeU16(in.existenceBitmap());
      w.writeU16(in.leafBitmap());
      byte[] h = new byte[HashValue.LENGTH];
      for (int i = 0; i < 16; i++) {
        Child c = in.childOrNull(i);
        if (c != null) {
          w.writeUleb128(c.version());
          c.hash().copyTo(h, 0);
          w.writeFixedBytes(h);
        }
      }
    } else if (node instanceof LeafNode leaf) {
      w.writeU8(LEAF);
      w.writeFixedBytes(leaf.accountKey().toBytes());
      w.writeFixedBytes(leaf.valueHash().toBytes());
      w.writeBytes(leaf.valueUnsafe());
    } else {
      w.writeU8(NULL);
    }
    return w.toByteArray();
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
