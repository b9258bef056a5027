package io.astraea.ledger.accumulator;

import static org.junit.jupiter.api.Assertions.assertThrows;

import io.astraea.crypto.HashValue;
import io.astraea.crypto.Sha3;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Event proofs verify against the event root execution computes, and only there. */
class EventAccumulatorProofsTest {
  private static List<HashValue> events(int n) {
    List<HashValue> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(Sha3.hash(new byte[] {(byte) n, (byte) i}));
    }
    return out;
  }

  @Test
  void everyEventOfEveryListSizeProvesAgainstItsEventRoot() throws Exception {
    for (int size = 1; size <= 33; size++) {
      int n = size;
      List<HashValue> hashes = events(n);
      HashValue root = InMemoryAccumulator.eventRootHash(hashes);
      for (int i = 0; i < n; i++) {
        AccumulatorProof proof = EventAccumulatorProofs.inclusion(hashes, i);
        AccumulatorVerifier.verifyEventInclusion(root, hashes.get(i), i, proof);
        int index = i;
        HashValue other = hashes.get((i + 1) % n);
        if (n > 1) {
          assertThrows(AccumulatorProofException.class,
              () -> AccumulatorVerifier.verifyEventInclusion(root, other, index, proof));
          assertThrows(AccumulatorProofException.class,
              () -> AccumulatorVerifier.verifyEventInclusion(root, hashes.get(index), (index + 1) % n, proof));
        }
        // The transaction accumulator's domain hashes differently: the same siblings do not prove there.
        if (!proof.siblings().isEmpty()) {
          assertThrows(AccumulatorProofException.class,
              () -> AccumulatorVerifier.verifyInclusion(root, hashes.get(index), index, proof));
        }
      }
    }
  }

  @Test
  void anIndexOutsideTheListIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> EventAccumulatorProofs.inclusion(events(3), 3));
    assertThrows(IllegalArgumentException.class, () -> EventAccumulatorProofs.inclusion(events(3), -1));
  }
}
