package io.astraea.ledger.state;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.astraea.crypto.AccountAddress;
import io.astraea.crypto.Sha3;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class StateKeysTest {
  /** More addresses than the key cache has slots, asked twice over: every answer is the address's own hash. */
  @Test
  void cachedKeysAreAlwaysTheAddressesOwnHashes() throws Exception {
    Random rnd = new Random(7);
    List<AccountAddress> addresses = new ArrayList<>();
    for (int i = 0; i < 150_000; i++) {
      byte[] b = new byte[AccountAddress.LENGTH];
      rnd.nextBytes(b);
      addresses.add(AccountAddress.fromBytes(b));
    }
    for (int round = 0; round < 2; round++) {
      for (AccountAddress a : addresses) {
        assertEquals(Sha3.hash(a.toBytes()), StateKeys.accountKey(a), a.toString());
      }
      for (int i = addresses.size() - 1; i >= 0; i -= 7) {
        assertEquals(Sha3.hash(addresses.get(i).toBytes()), StateKeys.accountKey(addresses.get(i)));
      }
    }
  }
}
