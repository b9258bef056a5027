package io.astraea.ledger.jmt;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.astraea.crypto.HashValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class NodeCodecTest {

  @Test
  void everyNodeOfARandomTreeRoundTrips() throws Exception {
    Random rnd = new Random(3);
    InMemoryTreeStore store = new InMemoryTreeStore();
    JellyfishMerkleTree tree = new JellyfishMerkleTree(store);
    List<HashValue> keys = new ArrayList<>();
    store.writeBatch(tree.putValueSet(JellyfishMerkleTreePropertyTest.randomSet(rnd, keys, 300), 0));
    store.writeBatch(tree.putValueSet(JellyfishMerkleTreePropertyTest.randomSet(rnd, keys, 50), 1));
    for (Map.Entry<NodeKey, Node> e : store.nodes().entrySet()) {
      byte[] enc = NodeCodec.encode(e.getValue());
      Node back = NodeCodec.decode(enc);
      assertEquals(e.getValue(), back);
      assertEquals(e.getValue().hash(), back.hash());
      assertEquals(e.getKey(), NodeKey.decode(e.getKey().encode()));
    }
    assertEquals(NullNode.INSTANCE, NodeCodec.decode(NodeCodec.encode(NullNode.INSTANCE)));
  }

  /** The stored bytes are exactly the documented layout, written here independently with BCS. */
  @Test
  void encodingIsTheDocumentedLayout() throws Exception {
    Random rnd = new Random(5);
    InMemoryTreeStore store = new InMemoryTreeStore();
    JellyfishMerkleTree tree = new JellyfishMerkleTree(store);
    List<HashValue> keys = new ArrayList<>();
    store.writeBatch(tree.putValueSet(JellyfishMerkleTreePropertyTest.randomSet(rnd, keys, 200), 0));
    List<Node> nodes = new ArrayList<>(store.nodes().values());
    // A child version needing a multi-byte ULEB128 and a value longer than 127 bytes.
    Child[] children = new Child[16];
    children[2] = new Child(keys.get(1), 70_000, false);
    children[15] = new Child(keys.get(2), 0xFFFF_FFFFL, true);
    nodes.add(new InternalNode(children));
    nodes.add(new LeafNode(keys.get(0), new byte[300]));
    for (Node n : nodes) {
      assertArrayEquals(layout(n), NodeCodec.encode(n));
    }
    assertArrayEquals(new byte[] {0}, NodeCodec.encode(NullNode.INSTANCE));
    Child[] far = new Child[16];
    far[0] = new Child(HashValue.ZERO, 1L << 32, true);
    assertThrows(IllegalArgumentException.class, () -> NodeCodec.encode(new InternalNode(far)));
  }

  private static byte[] layout(Node node) {
    io.astraea.crypto.bcs.BcsWriter w = new io.astraea.crypto.bcs.BcsWriter();
    if (node instanceof InternalNode in) {
      w.writeU8(1).writeU16(in.existenceBitmap()).writeU16(in.leafBitmap());
      for (int i = 0; i < 16; i++) {
        if (in.child(i).isPresent()) {
          w.writeUleb128(in.child(i).get().version()).writeFixedBytes(in.child(i).get().hash().toBytes());
        }
      }
    } else {
      LeafNode leaf = (LeafNode) node;
      w.writeU8(2).writeFixedBytes(leaf.accountKey().toBytes()).writeFixedBytes(leaf.valueHash().toBytes())
          .writeBytes(leaf.value());
    }
    return w.toByteArray();
  }

  @Test
  void malformedBytesAreTypedFailures() {
    for (byte[] bad : List.of(new byte[0], new byte[] {9}, new byte[] {1, 0, 0, 0, 0},
        new byte[] {1, 1, 0, 2, 0}, new byte[] {2, 1, 2}, new byte[] {0, 0})) {
      JmtException e = assertThrows(JmtException.class, () -> NodeCodec.decode(bad));
      assertEquals(JmtException.Kind.CORRUPT_NODE, e.kind());
    }
    assertThrows(JmtException.class, () -> NodeKey.decode(new byte[3]));
    assertThrows(JmtException.class, () -> NodeKey.decode(new byte[] {0, 0, 0, 0, 0, 0, 0, 1, 1, 0x0f}));
  }

  @Test
  void nodeKeysSortByVersionThenPath() {
    NibblePath p = NibblePath.EMPTY.child(0xa).child(0x3);
    assertEquals("a3", p.toString());
    assertArrayEquals(new byte[] {(byte) 0xa3}, p.packed());
    NodeKey k1 = new NodeKey(1, NibblePath.EMPTY.child(0xf));
    NodeKey k2 = new NodeKey(2, NibblePath.EMPTY);
    assertEquals(-1, Integer.signum(k1.compareTo(k2)));
    assertEquals(-1, Integer.signum(java.util.Arrays.compareUnsigned(k1.encode(), k2.encode())));
  }
}
