package io.astraea.ledger.execution;

import static io.astraea.ledger.execution.PaymentTest.abortCode;
import static io.astraea.ledger.execution.PaymentTest.kept;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.astraea.crypto.AccountAddress;
import io.astraea.crypto.Ed25519PrivateKey;
import io.astraea.ledger.state.AccountRole;
import io.astraea.ledger.state.AccountState;
import io.astraea.ledger.state.StateKeys;
import io.astraea.ledger.types.Bytes;
import io.astraea.ledger.types.KeptVmStatus;
import io.astraea.ledger.types.StatusCode;
import io.astraea.ledger.types.TransactionStatus;
import org.junit.jupiter.api.Test;

/** Account creation for every role, key rotation, and their role checks. */
class AccountsTest {
  private final TestLedger ledger = new TestLedger();
  private final AccountAddress tc = StateKeys.TREASURY_COMPLIANCE;
  private long nonce = 1;

  private static Bytes prefix(Ed25519PrivateKey k) {
    return Bytes.of(Keys.authKey(k).prefix());
  }

  private AccountAddress createParent(Ed25519PrivateKey k) {
    TransactionOutput o = ledger.run(ledger.txn(tc, Payloads.call(StandardScript.CREATE_PARENT_VASP_ACCOUNT,
        "XUS", nonce++, Keys.address(k), prefix(k), Payloads.utf8("vasp"), false)));
    assertEquals(KeptVmStatus.EXECUTED, kept(o));
    ledger.addSigner(k);
    return Keys.address(k);
  }

  @Test
  void treasuryComplianceCreatesParentVaspsWhoseKeyWorks() {
    Ed25519PrivateKey k = Keys.key(40);
    AccountAddress vasp = createParent(k);
    AccountState s = ledger.account(vasp);
    assertInstanceOf(AccountRole.ParentVasp.class, s.role());
    assertEquals(Bytes.of(Keys.authKey(k).toBytes()), s.authKey());
    assertTrue(s.holds("XUS"));
    assertFalse(s.holds("XDX"));
    ledger.run(ledger.txn(ledger.user(0), Payloads.p2p("XUS", vasp, 50)));
    assertEquals(KeptVmStatus.EXECUTED, kept(ledger.run(ledger.txn(vasp, Payloads.p2p("XUS", ledger.user(1), 20)))));
    assertEquals(30, ledger.account(vasp).balance("XUS"));
  }

  @Test
  void addAllCurrenciesOpensEveryBalance() {
    Ed25519PrivateKey k = Keys.key(41);
    ledger.run(ledger.txn(tc, Payloads.call(StandardScript.CREATE_PARENT_VASP_ACCOUNT,
        "XUS", 0L, Keys.address(k), prefix(k), Payloads.utf8("vasp"), true)));
    assertTrue(ledger.account(Keys.address(k)).holds("XDX"));
  }

  @Test
  void creationViolations() {
    Ed25519PrivateKey k = Keys.key(42);
    // only treasury compliance creates parent VASPs and dealers
    assertEquals(2L << 8 | 3, abortCode(ledger.run(ledger.txn(ledger.user(0), Payloads.call(
        StandardScript.CREATE_PARENT_VASP_ACCOUNT, "XUS", 0L, Keys.address(k), prefix(k), Payloads.utf8("x"), false)))));
    assertEquals(2L << 8 | 3, abortCode(ledger.run(ledger.txn(StateKeys.ASSOCIATION_ROOT, Payloads.call(
        StandardScript.CREATE_DESIGNATED_DEALER, "XUS", 0L, Keys.address(k), prefix(k), Payloads.utf8("x"), false)))));
    // an existing address, a reserved address, a malformed prefix, an unknown currency
    assertEquals(6, abortCode(ledger.run(ledger.txn(tc, Payloads.call(
        StandardScript.CREATE_PARENT_VASP_ACCOUNT, "XUS", 0L, ledger.user(0), prefix(k), Payloads.utf8("x"), false)))));
    assertEquals(10L << 8 | 7, abortCode(ledger.run(ledger.txn(tc, Payloads.call(
        StandardScript.CREATE_PARENT_VASP_ACCOUNT, "XUS", 0L, StateKeys.FEE_COLLECTOR, prefix(k), Payloads.utf8("x"), false)))));
    assertEquals(8L << 8 | 7, abortCode(ledger.run(ledger.txn(tc, Payloads.call(
        StandardScript.CREATE_PARENT_VASP_ACCOUNT, "XUS", 0L, Keys.address(k), Bytes.of(new byte[3]), Payloads.utf8("x"), false)))));
    assertEquals(1L << 8 | 5, abortCode(ledger.run(ledger.txn(tc, Payloads.call(
        StandardScript.CREATE_PARENT_VASP_ACCOUNT, "ABC", 0L, Keys.address(k), prefix(k), Payloads.utf8("x"), false)))));
    assertFalse(ledger.exists(Keys.address(k)));
  }

  @Test
  void parentCreatesAFundedChild() {
    AccountAddress parent = createParent(Keys.key(43));
    ledger.run(ledger.txn(ledger.user(0), Payloads.p2p("XUS", parent, 1_000)));
    Ed25519PrivateKey childKey = Keys.key(44);
    TransactionOutput o = ledger.run(ledger.txn(parent, Payloads.call(StandardScript.CREATE_CHILD_VASP_ACCOUNT,
        "XUS", Keys.address(childKey), prefix(childKey), false, 400L)));
    assertEquals(KeptVmStatus.EXECUTED, kept(o));
    AccountState child = ledger.account(Keys.address(childKey));
    assertEquals(new AccountRole.ChildVasp(parent), child.role());
    assertEquals(400, child.balance("XUS"));
    assertEquals(600, ledger.account(parent).balance("XUS"));
    assertEquals(1, ((AccountRole.ParentVasp) ledger.account(parent).role()).numChildren());
    assertEquals(2, o.events().size());
    ledger.checkSupply();
  }

  @Test
  void childCreationViolations() {
    AccountAddress parent = createParent(Keys.key(45));
    Ed25519PrivateKey c = Keys.key(46);
    // a designated dealer is not a parent VASP
    assertEquals(3L << 8 | 3, abortCode(ledger.run(ledger.txn(ledger.dealerAddress(), Payloads.call(
        StandardScript.CREATE_CHILD_VASP_ACCOUNT, "XUS", Keys.address(c), prefix(c), false, 0L)))));
    // the parent cannot fund more than it holds; nothing is created
    assertEquals(5L << 8 | 8, abortCode(ledger.run(ledger.txn(parent, Payloads.call(
        StandardScript.CREATE_CHILD_VASP_ACCOUNT, "XUS", Keys.address(c), prefix(c), false, 1L)))));
    assertFalse(ledger.exists(Keys.address(c)));
    assertEquals(0, ((AccountRole.ParentVasp) ledger.account(parent).role()).numChildren());
  }

  @Test
  void atMost256Children() {
    AccountAddress parent = createParent(Keys.key(47));
    java.util.List<io.astraea.ledger.types.SignedTransaction> txns = new java.util.ArrayList<>();
    long seq = ledger.seq(parent);
    for (int i = 0; i < 257; i++) {
      byte[] addr = new byte[16];
      addr[0] = 0x7f;
      addr[14] = (byte) (i >> 8);
      addr[15] = (byte) i;
      AccountAddress child = AccountAddress.of(java.util.HexFormat.of().formatHex(addr));
      txns.add(ledger.unsignedOrSigned(ledger.raw(parent, Payloads.call(StandardScript.CREATE_CHILD_VASP_ACCOUNT,
          "XUS", child, Bytes.of(new byte[16]), false, 0L)).sequenceNumber(seq + i).build()));
    }
    java.util.List<TransactionOutput> out = ledger.block(txns).outputs();
    assertEquals(KeptVmStatus.EXECUTED, kept(out.get(256)));
    assertEquals(4L << 8 | 8, abortCode(out.get(257)));
  }

  @Test
  void designatedDealerCreation() {
    Ed25519PrivateKey k = Keys.key(48);
    TransactionOutput o = ledger.run(ledger.txn(tc, Payloads.call(StandardScript.CREATE_DESIGNATED_DEALER,
        "XUS", 0L, Keys.address(k), prefix(k), Payloads.utf8("dd2"), false)));
    assertEquals(KeptVmStatus.EXECUTED, kept(o));
    AccountRole.DesignatedDealer role = (AccountRole.DesignatedDealer) ledger.account(Keys.address(k)).role();
    assertEquals(2, role.receivedMintEvents().key().creationNumber());
    assertEquals(KeptVmStatus.EXECUTED, kept(ledger.run(ledger.txn(tc,
        Payloads.call(StandardScript.TIERED_MINT, "XUS", 0L, Keys.address(k), 9L, 0L)))));
    assertEquals(9, ledger.account(Keys.address(k)).balance("XUS"));
  }

  @Test
  void rotateAuthenticationKey() {
    AccountAddress alice = ledger.user(0);
    Ed25519PrivateKey fresh = Keys.key(49);
    TransactionOutput o = ledger.run(ledger.txn(alice, Payloads.call(StandardScript.ROTATE_AUTHENTICATION_KEY,
        null, Bytes.of(Keys.authKey(fresh).toBytes()))));
    assertEquals(KeptVmStatus.EXECUTED, kept(o));
    TransactionOutput oldKey = ledger.run(ledger.txn(alice, Payloads.p2p("XUS", ledger.user(1), 1)));
    assertEquals(TransactionStatus.discard(StatusCode.INVALID_AUTH_KEY), oldKey.status());
    TransactionOutput newKey = ledger.run(ledger.raw(alice, Payloads.p2p("XUS", ledger.user(1), 1)).build().sign(fresh));
    assertEquals(KeptVmStatus.EXECUTED, kept(newKey));
    assertEquals(8L << 8 | 7, abortCode(ledger.run(ledger.raw(alice, Payloads.call(
        StandardScript.ROTATE_AUTHENTICATION_KEY, null, Bytes.of(new byte[31]))).build().sign(fresh))));
  }
}
