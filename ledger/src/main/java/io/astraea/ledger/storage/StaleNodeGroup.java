package io.astraea.ledger.storage;

import io.astraea.crypto.bcs.BcsException;
import io.astraea.crypto.bcs.BcsReader;
import io.astraea.crypto.bcs.BcsWriter;
import io.astraea.ledger.jmt.JmtException;
import io.astraea.ledger.jmt.NodeKey;
import io.astraea.ledger.jmt.StaleNodeIndex;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The nodes one commit made stale, stored as a single stale-index entry: a block replaces a few
 * thousand nodes, and one entry instead of one per node keeps that many writes off every commit.
 * Value: a BCS sequence of encoded node keys (each length-prefixed), in the order given.
 */
final class StaleNodeGroup {
  private StaleNodeGroup() {}

  static byte[] encode(Collection<StaleNodeIndex> stale) {
    BcsWriter w = new BcsWriter().writeUleb128(stale.size());
    for (StaleNodeIndex s : stale) {
      w.writeBytes(s.nodeKey().encode());
    }
    return w.toByteArray();
  }

  /** The group stored under {@code version}, every node reported as stale since that version. */
  static List<StaleNodeIndex> decode(long version, byte[] value) throws JmtException {
    try {
      return BcsReader.decode(value, r -> {
        long n = r.readUleb128();
        List<StaleNodeIndex> out = new ArrayList<>();
        for (long i = 0; i < n; i++) {
          try {
            out.add(new StaleNodeIndex(version, NodeKey.decode(r.readBytes())));
          } catch (JmtException e) {
            throw new BcsException(e.getMessage(), 0);
          }
        }
        return out;
      });
    } catch (BcsException e) {
      throw new JmtException(JmtException.Kind.CORRUPT_NODE, "bad stale node group at " + version + ": " + e.getMessage());
    }
  }
}
