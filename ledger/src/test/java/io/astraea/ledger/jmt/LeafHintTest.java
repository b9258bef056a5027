package io.astraea.ledger.jmt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.astraea.crypto.HashValue;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * {@link TreeReader#leafHint}: a checkpoint update that is handed leaves instead of reading them
 * computes exactly what it computes without hints, whatever the hints are (the current leaf, an
 * older leaf of the same key, another key's leaf, none), and with current hints it reads no leaf of
 * a key it replaces. Reads and proofs likewise: the same answers, and no leaf read when the hint
 * is the leaf.
 */
class LeafHintTest {

  /** A store that counts the leaves read from it and answers hints from a given map. */
  private static final class HintingReader implements TreeReader {
    final InMemoryTreeStore store;
    final Map<HashValue, LeafNode> hints = new HashMap<>();
    int leavesRead;

    HintingReader(InMemoryTreeStore store) {
      this.store = store;
    }

    @Override
    public Optional<Node> getNode(NodeKey key) {
      Optional<Node> n = store.getNode(key);
      if (n.isPresent() && n.get() instanceof LeafNode) {
        leavesRead++;
      }
      return n;
    }

    @Override
    public LeafNode leafHint(HashValue accountKey) {
      return hints.get(accountKey);
    }
  }

  @Property(tries = 60)
  void hintsOfAnyKindChangeNothing(@ForAll long seed) throws JmtException {
    Random rnd = new Random(seed);
    InMemoryTreeStore store = new InMemoryTreeStore();
    HintingReader hinting = new HintingReader(store);
    Map<HashValue, LeafNode> current = new HashMap<>();
    Map<HashValue, LeafNode> previous = new HashMap<>();
    List<HashValue> keys = new ArrayList<>();
    long version = 0;
    for (int b = 0; b < 5; b++) {
      List<Map<HashValue, byte[]>> sets = new ArrayList<>();
      int txns = 1 + rnd.nextInt(20);
      for (int t = 0; t < txns; t++) {
        sets.add(JellyfishMerkleTreePropertyTest.randomSet(rnd, keys, rnd.nextInt(4)));
      }
      hinting.hints.clear();
      for (HashValue k : keys) {
        switch (rnd.nextInt(4)) {
          case 0 -> { } // no hint
          case 1 -> putIfPresent(hinting.hints, k, current.get(k));
          case 2 -> putIfPresent(hinting.hints, k, previous.get(k)); // an outdated leaf of the key
          default -> putIfPresent(hinting.hints, k, current.get(keys.get(rnd.nextInt(keys.size())))); // another key's
        }
      }
      TreeUpdateBatch plain = new JellyfishMerkleTree(store).putValueSets(sets, version, NodeRetention.LAST_VERSION);
      TreeUpdateBatch hinted = new JellyfishMerkleTree(hinting).putValueSets(sets, version, NodeRetention.LAST_VERSION);
      assertEquals(plain.rootHashes(), hinted.rootHashes());
      assertEquals(plain.newNodes(), hinted.newNodes());
      assertEquals(plain.staleNodes(), hinted.staleNodes());
      store.writeBatch(hinted);
      remember(hinted, current, previous);
      version += txns;
    }
  }

  @Property(tries = 20)
  void currentHintsSaveEveryReadOfAReplacedLeaf(@ForAll long seed) throws JmtException {
    Random rnd = new Random(seed);
    InMemoryTreeStore store = new InMemoryTreeStore();
    List<HashValue> keys = new ArrayList<>();
    TreeUpdateBatch genesis = new JellyfishMerkleTree(store)
        .putValueSets(List.of(JellyfishMerkleTreePropertyTest.randomSet(rnd, keys, 500)), 0, NodeRetention.LAST_VERSION);
    store.writeBatch(genesis);
    Map<HashValue, LeafNode> current = new HashMap<>();
    remember(genesis, current, new HashMap<>());
    // Updates of existing keys only, as a block of transfers between funded accounts makes.
    List<Map<HashValue, byte[]>> sets = new ArrayList<>();
    for (int t = 0; t < 100; t++) {
      Map<HashValue, byte[]> set = new TreeMap<>();
      for (int i = 0; i < 2; i++) {
        set.put(keys.get(rnd.nextInt(keys.size())), KeyGen.value(rnd));
      }
      sets.add(set);
    }
    HintingReader without = new HintingReader(store);
    TreeUpdateBatch plain = new JellyfishMerkleTree(without).putValueSets(sets, 1, NodeRetention.LAST_VERSION);
    HintingReader with = new HintingReader(store);
    with.hints.putAll(current);
    TreeUpdateBatch hinted = new JellyfishMerkleTree(with).putValueSets(sets, 1, NodeRetention.LAST_VERSION);
    assertEquals(plain.rootHashes(), hinted.rootHashes());
    assertTrue(without.leavesRead > 0, "the update reads the leaves it replaces");
    assertEquals(0, with.leavesRead);
  }

  @Property(tries = 20)
  void readsTakeAHintThatIsTheLeafAndOtherwiseRead(@ForAll long seed) throws JmtException, ProofException {
    Random rnd = new Random(seed);
    InMemoryTreeStore store = new InMemoryTreeStore();
    List<HashValue> keys = new ArrayList<>();
    Map<HashValue, LeafNode> current = new HashMap<>();
    Map<HashValue, LeafNode> previous = new HashMap<>();
    long version = 0;
    for (int b = 0; b < 3; b++) {
      TreeUpdateBatch batch = new JellyfishMerkleTree(store)
          .putValueSets(List.of(JellyfishMerkleTreePropertyTest.randomSet(rnd, keys, 200)), version, NodeRetention.LAST_VERSION);
      store.writeBatch(batch);
      remember(batch, current, previous);
      version++;
    }
    long latest = version - 1;
    HintingReader hinting = new HintingReader(store);
    hinting.hints.putAll(current);
    JellyfishMerkleTree plain = new JellyfishMerkleTree(store);
    JellyfishMerkleTree hinted = new JellyfishMerkleTree(hinting);
    HashValue root = plain.rootHash(latest);
    for (HashValue k : keys) {
      assertEquals(plain.get(k, latest).map(LeafHintTest::hex), hinted.get(k, latest).map(LeafHintTest::hex));
      StateValueWithProof p = hinted.getWithProof(k, latest);
      SparseMerkleProofVerifier.verify(root, k, plain.get(k, latest), p.proof());
    }
    assertEquals(0, hinting.leavesRead, "every key's hint is its current leaf");
    // Outdated hints (an older leaf of the key) are read past, at the latest and at older versions.
    hinting.hints.clear();
    hinting.hints.putAll(previous);
    for (long v = 0; v <= latest; v++) {
      for (HashValue k : keys) {
        assertEquals(plain.get(k, v).map(LeafHintTest::hex), hinted.get(k, v).map(LeafHintTest::hex));
        SparseMerkleProofVerifier.verify(plain.rootHash(v), k, plain.get(k, v), hinted.getWithProof(k, v).proof());
      }
    }
  }

  private static String hex(byte[] value) {
    return java.util.HexFormat.of().formatHex(value);
  }

  private static void putIfPresent(Map<HashValue, LeafNode> hints, HashValue key, LeafNode leaf) {
    if (leaf != null) {
      hints.put(key, leaf);
    }
  }

  /** Records the batch's leaves as each key's current one, keeping the one before. */
  private static void remember(TreeUpdateBatch batch, Map<HashValue, LeafNode> current, Map<HashValue, LeafNode> previous) {
    for (Node n : batch.newNodes().values()) {
      if (n instanceof LeafNode leaf) {
        LeafNode before = current.put(leaf.accountKey(), leaf);
        if (before != null) {
          previous.put(leaf.accountKey(), before);
        }
      }
    }
  }
}
