package io.astraea.ledger.state;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.astraea.crypto.AccountAddress;
import io.astraea.crypto.HashValue;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InMemoryStateTest {
  private static final AccountAddress A = AccountAddress.of("0xa");
  private static final AccountAddress B = AccountAddress.of("0xb");

  @Test
  void writeSetsAreOrderedWhateverTheInsertionOrder() {
    Map<AccountAddress, byte[]> ba = new LinkedHashMap<>();
    ba.put(B, new byte[] {2});
    ba.put(A, new byte[] {1});
    StateWriteSet w = StateWriteSet.of(ba);
    assertEquals(List.of(A, B), List.copyOf(w.byAddress().keySet()));
    List<HashValue> keys = List.copyOf(w.byKey().keySet());
    assertEquals(keys.stream().sorted().toList(), keys);
    assertArrayEquals(new byte[] {1}, w.byKey().get(StateKeys.accountKey(A)));
    assertEquals(w, StateWriteSet.of(Map.of(A, new byte[] {1}, B, new byte[] {2})));
    assertNotEquals(w, StateWriteSet.of(Map.of(A, new byte[] {1}, B, new byte[] {3})));
  }

  @Test
  void digestDependsOnEveryKeyAndValueOnly() {
    InMemoryState s1 = new InMemoryState();
    s1.apply(StateWriteSet.of(Map.of(A, new byte[] {1}, B, new byte[] {2})));
    InMemoryState s2 = new InMemoryState();
    s2.apply(StateWriteSet.of(Map.of(B, new byte[] {2})));
    s2.apply(StateWriteSet.of(Map.of(A, new byte[] {1})));
    assertEquals(s1.digest(), s2.digest());
    InMemoryState copy = new InMemoryState(s1);
    copy.apply(StateWriteSet.of(Map.of(A, new byte[] {9})));
    assertNotEquals(s1.digest(), copy.digest());
    assertArrayEquals(new byte[] {1}, s1.getAccountBlob(A).orElseThrow());
  }

  @Test
  void overlayReadsTheNewestWriteAndLeavesTheBaseAlone() {
    InMemoryState base = new InMemoryState();
    base.apply(StateWriteSet.of(Map.of(A, new byte[] {1}, B, new byte[] {2})));
    OverlayStateView v = OverlayStateView.of(base, List.of(
        StateWriteSet.of(Map.of(A, new byte[] {3})), StateWriteSet.of(Map.of(A, new byte[] {4}))));
    assertArrayEquals(new byte[] {4}, v.getAccountBlob(A).orElseThrow());
    assertArrayEquals(new byte[] {2}, v.getAccountBlob(B).orElseThrow());
    assertArrayEquals(new byte[] {1}, base.getAccountBlob(A).orElseThrow());
    assertEquals(java.util.Optional.empty(), v.getAccountBlob(AccountAddress.of("0xc")));
  }
}
