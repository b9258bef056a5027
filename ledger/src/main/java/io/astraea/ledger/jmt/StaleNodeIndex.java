package io.astraea.ledger.jmt;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Objects;

/**
 * "Node {@code nodeKey} is no longer part of the tree from version {@code staleSinceVersion} on."
 * Encoded as {@code staleSinceVersion (u64 big-endian) || nodeKey.encode()} so that a forward scan
 * meets the oldest entries first, which is what the pruner wants.
 */
public record StaleNodeIndex(long staleSinceVersion, NodeKey nodeKey)
    implements Comparable<StaleNodeIndex> {
  public StaleNodeIndex {
    Objects.requireNonNull(nodeKey, "nodeKey");
  }

  public byte[] encode() {
    byte[] k = nodeKey.encode();
    byte[] out = new byte[8 + k.length];
    ByteBuffer.wrap(out).putLong(staleSinceVersion);
    System.arraycopy(k, 0, out, 8, k.length);
    return out;
  }

  public static StaleNodeIndex decode(byte[] bytes) throws JmtException {
    if (bytes.length < 8) {
      throw new JmtException(JmtException.Kind.CORRUPT_NODE, "stale index entry too short");
    }
    long since = ByteBuffer.wrap(bytes).getLong();
    return new StaleNodeIndex(since, NodeKey.decode(Arrays.copyOfRange(bytes, 8, bytes.length)));
  }

  @Override
  public int compareTo(StaleNodeIndex o) {
    int c = Long.compareUnsigned(staleSinceVersion, o.staleSinceVersion);
    return c != 0 ? c : nodeKey.compareTo(o.nodeKey);
  }
}
