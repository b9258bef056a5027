package io.astraea.ledger.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.astraea.crypto.HashValue;
import io.astraea.ledger.jmt.JellyfishMerkleTree;
import io.astraea.ledger.jmt.NibblePath;
import io.astraea.ledger.jmt.NodeKey;
import io.astraea.ledger.jmt.NodeRetention;
import io.astraea.ledger.jmt.StaleNodeIndex;
import io.astraea.ledger.jmt.TreeUpdateBatch;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The stale-node index on RocksDB: one group entry per written batch, and older single-node entries. */
class StaleNodeEntriesTest {
  @TempDir Path dir;

  private static HashValue key(int i) {
    byte[] b = new byte[32];
    b[0] = (byte) (i * 37);
    b[31] = (byte) i;
    return HashValue.wrap(b);
  }

  @Test
  void groupsAndSingleEntriesAreListedAndDeleted() throws Exception {
    try (LedgerStore store = LedgerStore.open(dir)) {
      RocksTreeStore tree = store.stateTree();
      TreeMap<HashValue, byte[]> first = new TreeMap<>();
      for (int i = 0; i < 40; i++) {
        first.put(key(i), new byte[] {1, (byte) i});
      }
      tree.writeBatch(new JellyfishMerkleTree(tree).putValueSet(first, 0));
      List<Map<HashValue, byte[]>> block = new ArrayList<>();
      for (int t = 0; t < 5; t++) {
        block.add(Map.of(key(t * 7), new byte[] {2, (byte) t}));
      }
      TreeUpdateBatch second = new JellyfishMerkleTree(tree).putValueSets(block, 1, NodeRetention.LAST_VERSION);
      tree.writeBatch(second);
      assertTrue(second.staleNodes().size() > 5);

      // An entry in the single-node form of older databases.
      NodeKey orphan = new NodeKey(0, NibblePath.EMPTY.child(3).child(4));
      StaleNodeIndex legacy = new StaleNodeIndex(5, orphan);
      store.rawDb().write(true, b -> b.put(ColumnFamily.STALE_NODE_INDEX, legacy.encode(), new byte[0]));

      // The group is listed as stale since the batch's last version (5), before the single entry
      // of the same version (its key is a prefix of the single entry's).
      assertTrue(tree.staleNodesUpTo(4, 1000).isEmpty());
      List<StaleNodeIndex> upTo5 = tree.staleNodesUpTo(5, 1000);
      List<StaleNodeIndex> expected = new ArrayList<>();
      second.staleNodes().forEach(s -> expected.add(new StaleNodeIndex(5, s.nodeKey())));
      expected.add(legacy);
      assertEquals(expected, upTo5);

      tree.deleteStale(upTo5);
      assertTrue(tree.staleNodesUpTo(Long.MAX_VALUE, 1000).isEmpty());
      for (StaleNodeIndex s : second.staleNodes()) {
        assertTrue(tree.getNode(s.nodeKey()).isEmpty(), "pruned " + s);
      }
      // The tree at the batch's last version is whole.
      for (Map<HashValue, byte[]> set : block) {
        for (Map.Entry<HashValue, byte[]> e : set.entrySet()) {
          assertTrue(new JellyfishMerkleTree(tree).get(e.getKey(), 5).isPresent());
        }
      }
    }
  }
}
