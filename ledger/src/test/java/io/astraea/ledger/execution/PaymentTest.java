package io.astraea.ledger.execution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.astraea.crypto.AccountAddress;
import io.astraea.crypto.bcs.BcsReader;
import io.astraea.ledger.types.ContractEvent;
import io.astraea.ledger.types.KeptVmStatus;
import io.astraea.ledger.types.TransactionStatus;
import org.junit.jupiter.api.Test;

class PaymentTest {
  private final TestLedger ledger = new TestLedger();

  static KeptVmStatus kept(TransactionOutput o) {
    return assertInstanceOf(TransactionStatus.Keep.class, o.status(), o.status().toString()).status();
  }

  static long abortCode(TransactionOutput o) {
    return assertInstanceOf(KeptVmStatus.MoveAbort.class, kept(o)).code();
  }

  @Test
  void peerToPeerMovesMoneyAndEmitsBothEvents() throws Exception {
    AccountAddress a = ledger.user(0);
    AccountAddress b = ledger.user(1);
    TransactionOutput o = ledger.run(ledger.txn(a, Payloads.p2p("XUS", b, 250)));
    assertEquals(KeptVmStatus.EXECUTED, kept(o));
    assertEquals(TestLedger.FUNDS - 250, ledger.account(a).balance("XUS"));
    assertEquals(TestLedger.FUNDS + 250, ledger.account(b).balance("XUS"));
    assertEquals(1, ledger.seq(a));
    assertEquals(2, o.events().size());
    ContractEvent sent = o.events().get(0);
    ContractEvent received = o.events().get(1);
    assertEquals(ledger.account(a).sentEvents().key(), sent.key());
    assertEquals(0, sent.sequenceNumber());
    assertEquals(ledger.account(b).receivedEvents().key(), received.key());
    assertEquals(1, ledger.account(a).sentEvents().counter());
    BcsReader r = new BcsReader(sent.eventData().toArray());
    assertEquals(250, r.readU64());
    assertEquals("XUS", r.readString());
    assertEquals(b, AccountAddress.decode(r));
    assertEquals("0x1::DiemAccount::SentPaymentEvent", sent.typeTag().toString());
    // Diem's layout: received-payment stream is creation number 0, sent-payment 1.
    assertEquals(0, ledger.account(b).receivedEvents().key().creationNumber());
    assertEquals(1, ledger.account(a).sentEvents().key().creationNumber());
    ledger.checkSupply();
  }

  @Test
  void gasIsChargedIntoTheFeeCollector() {
    AccountAddress a = ledger.user(0);
    TransactionOutput o = ledger.run(ledger.sign(
        ledger.raw(a, Payloads.p2p("XUS", ledger.user(1), 10)).gasUnitPrice(3).build()));
    assertEquals(KeptVmStatus.EXECUTED, kept(o));
    assertTrue(o.gasUsed() >= 600 + 400);
    long fee = o.gasUsed() * 3;
    assertEquals(TestLedger.FUNDS - 10 - fee, ledger.account(a).balance("XUS"));
    assertEquals(fee, ledger.account(io.astraea.ledger.state.StateKeys.FEE_COLLECTOR).balance("XUS"));
    ledger.checkSupply();
  }

  @Test
  void insufficientBalanceAbortsButChargesGasAndBumpsSequence() {
    AccountAddress a = ledger.user(0);
    TransactionOutput o = ledger.run(ledger.sign(
        ledger.raw(a, Payloads.p2p("XUS", ledger.user(1), TestLedger.FUNDS)).gasUnitPrice(1).build()));
    assertEquals(5L << 8 | 8, abortCode(o)); // DiemAccount EINSUFFICIENT_BALANCE, LIMIT_EXCEEDED
    assertTrue(o.events().isEmpty());
    assertEquals(1, ledger.seq(a));
    assertEquals(TestLedger.FUNDS - o.gasUsed(), ledger.account(a).balance("XUS"));
    assertEquals(TestLedger.FUNDS, ledger.account(ledger.user(1)).balance("XUS"));
    ledger.checkSupply();
  }

  @Test
  void paymentToAMissingAccountOrUnheldCurrencyAborts() {
    AccountAddress a = ledger.user(0);
    AccountAddress nobody = Keys.address(Keys.key(77));
    assertEquals(17L << 8 | 5, abortCode(ledger.run(ledger.txn(a, Payloads.p2p("XUS", nobody, 1)))));
    // users hold only XUS; XDX is registered but the payer does not hold it
    assertEquals(19L << 8 | 5, abortCode(ledger.run(ledger.txn(a, Payloads.p2p("XDX", ledger.user(1), 1)))));
    // the dealer holds XDX but the payee (a user) does not
    TransactionOutput toRoot = ledger.run(ledger.txn(a,
        Payloads.p2p("XUS", io.astraea.ledger.state.StateKeys.ASSOCIATION_ROOT, 1)));
    assertEquals(18L << 8 | 7, abortCode(toRoot));
    assertEquals(2L << 8 | 7, abortCode(ledger.run(ledger.txn(a, Payloads.p2p("XUS", ledger.user(1), 0)))));
    assertEquals(4, ledger.seq(a));
  }

  @Test
  void unregisteredCurrencyAbortsWithCurrencyInfo() {
    TransactionOutput o = ledger.run(ledger.txn(ledger.user(0), Payloads.p2p("ABC", ledger.user(1), 1)));
    assertEquals(1L << 8 | 5, abortCode(o));
    assertEquals("0x1::Diem",
        ((io.astraea.ledger.types.AbortLocation.InModule)
            ((KeptVmStatus.MoveAbort) kept(o)).location()).module().toString());
  }

  @Test
  void balanceOverflowIsAnArithmeticErrorNotAWrap() {
    // mint to the dealer until its balance is near u64::MAX, then pay more into it
    AccountAddress dd = ledger.dealerAddress();
    long big = Long.MAX_VALUE;
    assertEquals(KeptVmStatus.EXECUTED, kept(ledger.run(ledger.txn(io.astraea.ledger.state.StateKeys.TREASURY_COMPLIANCE,
        Payloads.call(StandardScript.TIERED_MINT, "XUS", 0L, dd, big, 0L)))));
    assertEquals(KeptVmStatus.EXECUTED, kept(ledger.run(ledger.txn(io.astraea.ledger.state.StateKeys.TREASURY_COMPLIANCE,
        Payloads.call(StandardScript.TIERED_MINT, "XUS", 0L, dd, big, 0L)))));
    long before = ledger.account(dd).balance("XUS");
    assertEquals(-2L, before); // 2^64 - 2 as an unsigned u64
    TransactionOutput o = ledger.run(ledger.txn(ledger.user(0), Payloads.p2p("XUS", dd, 5)));
    assertInstanceOf(KeptVmStatus.ExecutionFailure.class, kept(o));
    assertEquals(before, ledger.account(dd).balance("XUS"));
    assertEquals(TestLedger.FUNDS, ledger.account(ledger.user(0)).balance("XUS"));
    ledger.checkSupply();
  }

  @Test
  void selfPaymentKeepsTheBalance() {
    AccountAddress a = ledger.user(2);
    assertEquals(KeptVmStatus.EXECUTED, kept(ledger.run(ledger.txn(a, Payloads.p2p("XUS", a, 7)))));
    assertEquals(TestLedger.FUNDS, ledger.account(a).balance("XUS"));
    ledger.checkSupply();
  }
}
