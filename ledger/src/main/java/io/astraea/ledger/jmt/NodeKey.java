package io.astraea.ledger.jmt;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Where a node lives: the version that wrote it and its nibble path from the root. The encoding
 * {@code version (u64 big-endian) || nibble count (u8) || packed nibbles} sorts by version first,
 * which keeps one version's nodes together on disk.
 */
public record NodeKey(long version, NibblePath path) implements Comparable<NodeKey> {
  public NodeKey {
    if (version < 0) {
      throw new IllegalArgumentException("negative version " + version);
    }
  }

  /** The root node of the tree at {@code version}. */
  public static NodeKey root(long version) {
    return new NodeKey(version, NibblePath.EMPTY);
  }

  public NodeKey childKey(long childVersion, int nibble) {
    return new NodeKey(childVersion, path.child(nibble));
  }

  public byte[] encode() {
    byte[] out = new byte[9 + path.packedLength()];
    ByteBuffer.wrap(out).putLong(version);
    out[8] = (byte) path.length();
    path.copyPackedTo(out, 9);
    return out;
  }

  /** Decodes {@link #encode()}'s form; throws {@link JmtException} on malformed bytes. */
  public static NodeKey decode(byte[] bytes) throws JmtException {
    if (bytes.length < 9) {
      throw new JmtException(JmtException.Kind.CORRUPT_NODE, "node key too short: " + bytes.length);
    }
    long version = ByteBuffer.wrap(bytes).getLong();
    int n = bytes[8] & 0xff;
    try {
      return new NodeKey(version, NibblePath.fromPacked(Arrays.copyOfRange(bytes, 9, bytes.length), n));
    } catch (IllegalArgumentException e) {
      throw new JmtException(JmtException.Kind.CORRUPT_NODE, "bad node key: " + e.getMessage());
    }
  }

  /** Spreads the version (consecutive in a block) before combining, so keys of one path differ widely. */
  @Override
  public int hashCode() {
    return Long.hashCode(version * 0x9E3779B97F4A7C15L) ^ path.hashCode();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof NodeKey k && k.version == version && k.path.equals(path);
  }

  @Override
  public int compareTo(NodeKey o) {
    int c = Long.compareUnsigned(version, o.version);
    return c != 0 ? c : path.compareTo(o.path);
  }

  @Override
  public String toString() {
    return version + ":" + path;
  }
}
