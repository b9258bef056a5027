package io.astraea.node.ledger;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.astraea.crypto.HashValue;
import io.astraea.ledger.jmt.LeafNode;
import io.astraea.ledger.jmt.NodeKey;
import io.astraea.ledger.jmt.TreeReader;
import io.astraea.ledger.state.StateKeys;
import io.astraea.ledger.storage.LedgerStore;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A view made for execution lends the leaves it read to the state update; a plain one does not. */
class CommittedStateViewTest {
  @TempDir Path dir;

  @Test
  void aRememberingViewLendsTheLeavesItReadAsHints() throws Exception {
    TestChain chain = new TestChain();
    try (LedgerService ledger = LedgerService.open(dir, chain.description())) {
      LedgerStore store = ledger.store();
      long v = store.latestVersion();
      TreeReader tree = store.stateTreeAt(v);
      // The store's own hints (its latest values) left out, so only the view's can show.
      TreeReader withoutHints = tree::getNode;
      HashValue key = StateKeys.accountKey(chain.user(0));

      CommittedStateView plain = new CommittedStateView(store, v);
      assertSame(withoutHints, plain.hinting(withoutHints));
      plain.getAccountBlob(chain.user(0)).orElseThrow();
      assertNull(plain.hinting(withoutHints).leafHint(key));

      CommittedStateView view = CommittedStateView.remembering(store, v);
      TreeReader hinting = view.hinting(withoutHints);
      assertNull(hinting.leafHint(key), "nothing read yet");
      byte[] blob = view.getAccountBlob(chain.user(0)).orElseThrow();
      LeafNode hint = hinting.leafHint(key);
      assertEquals(key, hint.accountKey());
      assertArrayEquals(blob, hint.value());
      assertNull(hinting.leafHint(StateKeys.accountKey(chain.user(1))), "only what was read");
      assertEquals(tree.getNode(NodeKey.root(v)), hinting.getNode(NodeKey.root(v)));
    }
  }
}
