package io.astraea.ledger.execution;

import static io.astraea.ledger.execution.PaymentTest.abortCode;
import static io.astraea.ledger.execution.PaymentTest.kept;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.astraea.crypto.AccountAddress;
import io.astraea.ledger.state.CurrencyInfo;
import io.astraea.ledger.state.StateKeys;
import io.astraea.ledger.types.KeptVmStatus;
import io.astraea.ledger.types.StatusCode;
import io.astraea.ledger.types.TransactionStatus;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Minting, preburn, burn, cancel-burn, freezing and exchange rates, with their role checks. */
class TreasuryTest {
  private final TestLedger ledger = new TestLedger();
  private final AccountAddress tc = StateKeys.TREASURY_COMPLIANCE;
  private final AccountAddress dd = ledger.dealerAddress();
  private long nonce = 1;

  private TransactionOutput asTc(StandardScript s, String currency, Object... args) {
    return ledger.run(ledger.txn(tc, Payloads.call(s, currency, args)));
  }

  private TransactionOutput mint(long amount) {
    return asTc(StandardScript.TIERED_MINT, "XUS", nonce++, dd, amount, 0L);
  }

  private CurrencyInfo xus() {
    return ledger.system().currency("XUS").orElseThrow();
  }

  @Test
  void mintRaisesSupplyAndCreditsTheDealer() {
    BigInteger before = xus().totalValue();
    TransactionOutput o = mint(5_000);
    assertEquals(KeptVmStatus.EXECUTED, kept(o));
    assertEquals(before.add(BigInteger.valueOf(5_000)), xus().totalValue());
    assertEquals(5_000, ledger.account(dd).balance("XUS"));
    List<String> types = o.events().stream().map(e -> e.typeTag().toString()).toList();
    assertEquals(List.of("0x1::DesignatedDealer::ReceivedMintEvent", "0x1::Diem::MintEvent",
        "0x1::DiemAccount::ReceivedPaymentEvent"), types);
    assertEquals(1, xus().mintEvents().counter());
    ledger.checkSupply();
  }

  @Test
  void onlyTreasuryComplianceMintsAndOnlyToDealers() {
    TransactionOutput byUser = ledger.run(ledger.txn(ledger.user(0),
        Payloads.call(StandardScript.TIERED_MINT, "XUS", 0L, ledger.user(0), 10L, 0L)));
    assertEquals(2L << 8 | 3, abortCode(byUser)); // Roles::ETREASURY_COMPLIANCE, REQUIRES_ROLE
    TransactionOutput byRoot = ledger.run(ledger.txn(StateKeys.ASSOCIATION_ROOT,
        Payloads.call(StandardScript.TIERED_MINT, "XUS", 0L, dd, 10L, 0L)));
    assertEquals(2L << 8 | 3, abortCode(byRoot));
    assertEquals(5, abortCode(asTc(StandardScript.TIERED_MINT, "XUS", 0L, ledger.user(1), 10L, 0L)));
    assertEquals(4L << 8 | 7, abortCode(asTc(StandardScript.TIERED_MINT, "XUS", 0L, dd, 0L, 0L)));
    assertEquals(5L << 8 | 1, abortCode(asTc(StandardScript.TIERED_MINT, "XDX", 0L, dd, 10L, 0L)));
    ledger.checkSupply();
  }

  @Test
  void slidingNonceRejectsReplays() {
    assertEquals(KeptVmStatus.EXECUTED, kept(asTc(StandardScript.TIERED_MINT, "XUS", 7L, dd, 1L, 0L)));
    assertEquals(3L << 8 | 7, abortCode(asTc(StandardScript.TIERED_MINT, "XUS", 7L, dd, 1L, 0L)));
    assertEquals(2L << 8 | 7, abortCode(asTc(StandardScript.TIERED_MINT, "XUS", 20_000L, dd, 1L, 0L)));
    assertEquals(1, ledger.account(dd).balance("XUS"));
  }

  @Test
  void supplyBeyondU128IsAnArithmeticErrorAndBalanceBeyondU64Too() {
    for (int i = 0; i < 2; i++) {
      assertEquals(KeptVmStatus.EXECUTED, kept(mint(Long.MAX_VALUE)));
    }
    TransactionOutput o = mint(5);
    assertTrue(kept(o) instanceof KeptVmStatus.ExecutionFailure, kept(o).toString());
    assertEquals(-2L, ledger.account(dd).balance("XUS"));
    ledger.checkSupply();
  }

  @Test
  void preburnThenBurnRemovesCoinsFromCirculation() {
    mint(1_000);
    TransactionOutput pre = ledger.run(ledger.txn(dd, Payloads.call(StandardScript.PREBURN, "XUS", 300L)));
    assertEquals(KeptVmStatus.EXECUTED, kept(pre));
    assertEquals(700, ledger.account(dd).balance("XUS"));
    assertEquals(List.of(300L), ledger.account(dd).preburns().get("XUS"));
    assertEquals(300, xus().preburnValue());
    ledger.checkSupply();
    BigInteger before = xus().totalValue();
    TransactionOutput burn = asTc(StandardScript.BURN_WITH_AMOUNT, "XUS", nonce++, dd, 300L);
    assertEquals(KeptVmStatus.EXECUTED, kept(burn));
    assertEquals("0x1::Diem::BurnEvent", burn.events().get(0).typeTag().toString());
    assertEquals(before.subtract(BigInteger.valueOf(300)), xus().totalValue());
    assertEquals(0, xus().preburnValue());
    assertFalse(ledger.account(dd).preburns().containsKey("XUS"));
    ledger.checkSupply();
  }

  @Test
  void cancelBurnReturnsTheCoins() {
    mint(1_000);
    ledger.run(ledger.txn(dd, Payloads.call(StandardScript.PREBURN, "XUS", 100L)));
    ledger.run(ledger.txn(dd, Payloads.call(StandardScript.PREBURN, "XUS", 200L)));
    assertEquals(8L << 8 | 1, abortCode(asTc(StandardScript.CANCEL_BURN_WITH_AMOUNT, "XUS", dd, 150L)));
    TransactionOutput o = asTc(StandardScript.CANCEL_BURN_WITH_AMOUNT, "XUS", dd, 200L);
    assertEquals(KeptVmStatus.EXECUTED, kept(o));
    assertEquals(List.of("0x1::Diem::CancelBurnEvent", "0x1::DiemAccount::ReceivedPaymentEvent"),
        o.events().stream().map(e -> e.typeTag().toString()).toList());
    assertEquals(900, ledger.account(dd).balance("XUS"));
    assertEquals(List.of(100L), ledger.account(dd).preburns().get("XUS"));
    ledger.checkSupply();
  }

  @Test
  void preburnAndBurnRoleViolations() {
    // a user has no preburn queue
    assertEquals(7L << 8 | 5, abortCode(ledger.run(ledger.txn(ledger.user(0),
        Payloads.call(StandardScript.PREBURN, "XUS", 1L)))));
    // the dealer cannot burn its own preburn
    mint(10);
    ledger.run(ledger.txn(dd, Payloads.call(StandardScript.PREBURN, "XUS", 5L)));
    assertEquals(2L << 8 | 3, abortCode(ledger.run(ledger.txn(dd,
        Payloads.call(StandardScript.BURN_WITH_AMOUNT, "XUS", 0L, dd, 5L)))));
    assertEquals(2L << 8 | 3, abortCode(ledger.run(ledger.txn(dd,
        Payloads.call(StandardScript.CANCEL_BURN_WITH_AMOUNT, "XUS", dd, 5L)))));
    // preburning more than the balance
    assertEquals(5L << 8 | 8, abortCode(ledger.run(ledger.txn(dd, Payloads.call(StandardScript.PREBURN, "XUS", 6L)))));
    // burning where nothing is preburned
    assertEquals(8L << 8 | 1, abortCode(asTc(StandardScript.BURN_WITH_AMOUNT, "XUS", 0L, dd, 6L)));
    assertEquals(7L << 8 | 5, abortCode(asTc(StandardScript.BURN_WITH_AMOUNT, "XUS", 0L, ledger.user(0), 5L)));
    ledger.checkSupply();
  }

  @Test
  void freezeAndUnfreeze() {
    AccountAddress alice = ledger.user(0);
    assertEquals(KeptVmStatus.EXECUTED, kept(asTc(StandardScript.FREEZE_ACCOUNT, null, nonce++, alice)));
    assertTrue(ledger.account(alice).frozen());
    TransactionOutput blocked = ledger.run(ledger.txn(alice, Payloads.p2p("XUS", ledger.user(1), 1)));
    assertEquals(TransactionStatus.discard(StatusCode.SENDING_ACCOUNT_FROZEN), blocked.status());
    // a frozen account still receives
    assertEquals(KeptVmStatus.EXECUTED, kept(ledger.run(ledger.txn(ledger.user(1), Payloads.p2p("XUS", alice, 1)))));
    assertEquals(KeptVmStatus.EXECUTED, kept(asTc(StandardScript.UNFREEZE_ACCOUNT, null, nonce++, alice)));
    assertFalse(ledger.account(alice).frozen());
    assertEquals(KeptVmStatus.EXECUTED, kept(ledger.run(ledger.txn(alice, Payloads.p2p("XUS", ledger.user(1), 1)))));
  }

  @Test
  void freezeViolations() {
    assertEquals(1L << 8 | 7, abortCode(asTc(StandardScript.FREEZE_ACCOUNT, null, 0L, StateKeys.ASSOCIATION_ROOT)));
    assertEquals(2L << 8 | 7, abortCode(asTc(StandardScript.FREEZE_ACCOUNT, null, 0L, tc)));
    assertEquals(5, abortCode(asTc(StandardScript.FREEZE_ACCOUNT, null, 0L, Keys.address(Keys.key(90)))));
    assertEquals(2L << 8 | 3, abortCode(ledger.run(ledger.txn(ledger.user(0),
        Payloads.call(StandardScript.FREEZE_ACCOUNT, null, 0L, ledger.user(1))))));
    assertEquals(2L << 8 | 3, abortCode(ledger.run(ledger.txn(ledger.user(0),
        Payloads.call(StandardScript.UNFREEZE_ACCOUNT, null, 0L, ledger.user(1))))));
  }

  @Test
  void exchangeRate() {
    TransactionOutput o = asTc(StandardScript.UPDATE_EXCHANGE_RATE, "XUS", nonce++, 1L, 2L);
    assertEquals(KeptVmStatus.EXECUTED, kept(o));
    assertEquals(1L << 31, xus().toXdxExchangeRate());
    assertEquals("0x1::Diem::ToXDXExchangeRateUpdateEvent", o.events().get(0).typeTag().toString());
    assertEquals(7, abortCode(asTc(StandardScript.UPDATE_EXCHANGE_RATE, "XUS", 0L, 1L, 0L)));
    assertEquals(2L << 8 | 8, abortCode(asTc(StandardScript.UPDATE_EXCHANGE_RATE, "XUS", 0L, 1L << 40, 1L)));
    assertEquals(2L << 8 | 3, abortCode(ledger.run(ledger.txn(dd,
        Payloads.call(StandardScript.UPDATE_EXCHANGE_RATE, "XUS", 0L, 1L, 1L)))));
  }
}
