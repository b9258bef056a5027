package io.astraea.ledger.jmt;

import io.astraea.crypto.HashValue;
import io.astraea.crypto.bcs.BcsException;
import io.astraea.crypto.bcs.BcsReader;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

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

  private static final VarHandle BE = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

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
      for (int m = existence; m != 0; m &= m - 1) {
        size += uleb128Length(in.childVersion(Integer.numberOfTrailingZeros(m))) + HashValue.LENGTH;
      }
      byte[] out = new byte[size];
      out[0] = INTERNAL;
      writeU16(out, 1, existence);
      writeU16(out, 3, in.leafBitmap());
      int p = 5;
      long[] packed = in.packed();
      for (int m = existence; m != 0; m &= m - 1) {
        int nibble = Integer.numberOfTrailingZeros(m);
        p = writeUleb128(out, p, in.childVersion(nibble));
        int at = in.hashIndex(nibble);
        for (int k = 0; k < 4; k++) {
          BE.set(out, p + 8 * k, packed[at + k]);
        }
        p += HashValue.LENGTH;
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
    long[] words = new long[NodeLayout.WORDS];
    for (int m = existing; m != 0; m &= m - 1) {
      int i = Integer.numberOfTrailingZeros(m);
      long version = r.readUleb128();
      if (version < 0) {
        throw new JmtException(JmtException.Kind.CORRUPT_NODE, "child version out of range");
      }
      byte[] hash = r.readFixedBytes(HashValue.LENGTH);
      int at = NodeLayout.hashAt(i);
      for (int k = 0; k < 4; k++) {
        words[at + k] = (long) BE.get(hash, 8 * k);
      }
      words[NodeLayout.versionAt(i)] = version;
    }
    return InternalNode.ofWords(existing, leaves, words, 0);
  }
}
