package io.astraea.ledger.state;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.astraea.crypto.AccountAddress;
import io.astraea.crypto.bcs.BcsException;
import io.astraea.crypto.bcs.BcsWriter;
import io.astraea.ledger.types.Bytes;
import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

class AccountStateTest {
  private static final AccountAddress A = AccountAddress.of("0xabc");

  @Property(tries = 100)
  void roundTripsWhateverTheInsertionOrder(
      @ForAll @AlphaChars @StringLength(min = 1, max = 6) String c1,
      @ForAll @AlphaChars @StringLength(min = 1, max = 6) String c2,
      @ForAll long b1, @ForAll long b2, @ForAll long seq, @ForAll boolean frozen) throws BcsException {
    AccountState.Builder x = AccountState.newAccount(A, Bytes.of(new byte[32]), new AccountRole.ChildVasp(A));
    x.sequenceNumber(seq).frozen(frozen).balance(c1, b1).balance(c2, b2);
    x.preburnQueue(c2).add(b1);
    AccountState.Builder y = AccountState.newAccount(A, Bytes.of(new byte[32]), new AccountRole.ChildVasp(A));
    y.sequenceNumber(seq).frozen(frozen);
    y.preburnQueue(c2).add(b1);
    if (!c1.equals(c2)) {
      y.balance(c2, b2).balance(c1, b1);
    } else {
      y.balance(c1, b2);
    }
    byte[] bytes = x.build().toBcs();
    assertArrayEquals(bytes, y.build().toBcs());
    assertArrayEquals(bytes, AccountState.fromBcs(bytes).toBcs());
  }

  @Test
  void everyRoleRoundTrips() throws Exception {
    var key = io.astraea.crypto.Ed25519PrivateKey.fromSeed(new byte[32]).publicKey();
    AccountRole[] roles = {
      new AccountRole.AssociationRoot(), new AccountRole.TreasuryCompliance(),
      new AccountRole.DesignatedDealer(Bytes.of(new byte[] {1}), EventHandle.create(A, 2)),
      new AccountRole.Validator(Bytes.EMPTY,
          Optional.of(new io.astraea.ledger.types.ValidatorConfig(key, Bytes.EMPTY, Bytes.of(new byte[] {3}))),
          Optional.of(A)),
      new AccountRole.ValidatorOperator(Bytes.of(new byte[] {4})),
      new AccountRole.ParentVasp(Bytes.EMPTY, 3), new AccountRole.ChildVasp(A), new AccountRole.FeeCollector()
    };
    for (int i = 0; i < roles.length; i++) {
      AccountState s = AccountState.newAccount(A, Bytes.of(new byte[32]), roles[i])
          .slidingNonce(i % 2 == 0 ? SlidingNonce.INITIAL : null).build();
      AccountState back = AccountState.fromBcs(s.toBcs());
      assertEquals(roles[i], back.role());
      assertEquals(i, back.role().roleId());
      assertEquals(s, back);
    }
  }

  @Test
  void rejectsTrailingBytesAndUnsortedBalances() {
    byte[] good = AccountState.newAccount(A, Bytes.of(new byte[32]), new AccountRole.FeeCollector()).build().toBcs();
    byte[] trailing = java.util.Arrays.copyOf(good, good.length + 1);
    assertThrows(BcsException.class, () -> AccountState.fromBcs(trailing));
    BcsWriter w = new BcsWriter();
    w.writeBytes(new byte[32]).writeU64(0);
    new AccountRole.FeeCollector().serialize(w);
    w.writeBool(false).writeUleb128(2).writeString("XUS").writeU64(1).writeString("XDX").writeU64(1);
    assertThrows(BcsException.class, () -> AccountState.fromBcs(w.toByteArray()));
  }
}
