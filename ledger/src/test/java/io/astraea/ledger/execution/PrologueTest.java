package io.astraea.ledger.execution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.astraea.crypto.AccountAddress;
import io.astraea.crypto.Ed25519PrivateKey;
import io.astraea.ledger.state.StateKeys;
import io.astraea.ledger.types.Bytes;
import io.astraea.ledger.types.ChainId;
import io.astraea.ledger.types.ChangeSet;
import io.astraea.ledger.types.KeptVmStatus;
import io.astraea.ledger.types.Module;
import io.astraea.ledger.types.RawTransaction;
import io.astraea.ledger.types.Script;
import io.astraea.ledger.types.SignedTransaction;
import io.astraea.ledger.types.StatusCode;
import io.astraea.ledger.types.TransactionPayload;
import io.astraea.ledger.types.TransactionStatus;
import io.astraea.ledger.types.WriteSet;
import io.astraea.ledger.types.WriteSetPayload;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Every discard status of the prologue, and that a discarded transaction changes nothing. */
class PrologueTest {
  private final TestLedger ledger = new TestLedger();
  private final AccountAddress alice = ledger.user(0);
  private final AccountAddress bob = ledger.user(1);

  private RawTransaction.Builder pay() {
    return ledger.raw(alice, Payloads.p2p("XUS", bob, 1));
  }

  private void assertDiscarded(StatusCode code, SignedTransaction txn) {
    var before = ledger.state.digest();
    long seq = ledger.seq(alice);
    TransactionOutput o = ledger.executorOutputWithoutApplying(txn);
    assertEquals(TransactionStatus.discard(code), o.status());
    assertTrue(o.writeSet().isEmpty());
    assertTrue(o.events().isEmpty());
    assertEquals(0, o.gasUsed());
    assertEquals(before, ledger.state.digest());
    assertEquals(seq, ledger.seq(alice));
  }

  @Test
  void badSignature() {
    SignedTransaction good = ledger.sign(pay().build());
    SignedTransaction forged = ledger.sign(pay().sequenceNumber(5).build());
    assertDiscarded(StatusCode.INVALID_SIGNATURE, new SignedTransaction(good.rawTxn(), forged.authenticator()));
  }

  @Test
  void keyDoesNotMatchTheAccount() {
    Ed25519PrivateKey other = Keys.key(55);
    assertDiscarded(StatusCode.INVALID_AUTH_KEY, pay().build().sign(other));
  }

  @Test
  void sequenceNumbers() {
    ledger.run(ledger.sign(pay().build()));
    assertDiscarded(StatusCode.SEQUENCE_NUMBER_TOO_OLD, ledger.sign(pay().sequenceNumber(0).build()));
    assertDiscarded(StatusCode.SEQUENCE_NUMBER_TOO_NEW, ledger.sign(pay().sequenceNumber(2).build()));
    assertDiscarded(StatusCode.SEQUENCE_NUMBER_TOO_BIG, ledger.sign(pay().sequenceNumber(-1L).build()));
  }

  @Test
  void cannotPayTheMaximumFee() {
    assertDiscarded(StatusCode.INSUFFICIENT_BALANCE_FOR_TRANSACTION_FEE,
        ledger.sign(pay().maxGasAmount(1_000_000).gasUnitPrice(10_000).build()));
  }

  @Test
  void expiredAgainstTheBlockTimestamp() {
    long blockSecs = TestLedger.START_USECS / 1_000_000 + 1; // the next block's clock
    assertDiscarded(StatusCode.TRANSACTION_EXPIRED, ledger.sign(pay().expirationTimestampSecs(blockSecs).build()));
    TransactionOutput ok = ledger.run(ledger.sign(pay().expirationTimestampSecs(blockSecs + 1).build()));
    assertEquals(TransactionStatus.keep(KeptVmStatus.EXECUTED), ok.status());
  }

  @Test
  void unknownSender() {
    Ed25519PrivateKey stranger = Keys.key(66);
    ledger.addSigner(stranger);
    RawTransaction raw = ledger.raw(Keys.address(stranger), Payloads.p2p("XUS", bob, 1)).build();
    assertDiscarded(StatusCode.SENDING_ACCOUNT_DOES_NOT_EXIST, ledger.sign(raw));
  }

  @Test
  void payloadsThatAreNotStandardScripts() {
    assertDiscarded(StatusCode.REJECTED_WRITE_SET, ledger.sign(pay().payload(new TransactionPayload.OfWriteSet(
        new WriteSetPayload.Direct(new ChangeSet(WriteSet.EMPTY, List.of())))).build()));
    assertDiscarded(StatusCode.INVALID_MODULE_PUBLISHER,
        ledger.sign(pay().payload(new TransactionPayload.OfModule(new Module(Bytes.of(new byte[] {1})))).build()));
    assertDiscarded(StatusCode.UNKNOWN_SCRIPT, ledger.sign(pay().payload(TransactionPayload.script(
        new Script(Bytes.of(new byte[] {(byte) 0xa1, 0x1c}), List.of(), List.of()))).build()));
  }

  @Test
  void sizeAndGasBounds() {
    Bytes big = Bytes.of(new byte[5_000]);
    assertDiscarded(StatusCode.EXCEEDED_MAX_TRANSACTION_SIZE, ledger.sign(pay().payload(
        Payloads.call(StandardScript.PEER_TO_PEER_WITH_METADATA, "XUS", bob, 1L, big, Bytes.EMPTY)).build()));
    assertDiscarded(StatusCode.MAX_GAS_UNITS_EXCEEDS_MAX_GAS_UNITS_BOUND,
        ledger.sign(pay().maxGasAmount(4_000_001).build()));
    assertDiscarded(StatusCode.MAX_GAS_UNITS_BELOW_MIN_TRANSACTION_GAS_UNITS,
        ledger.sign(pay().maxGasAmount(599).build()));
    assertDiscarded(StatusCode.GAS_UNIT_PRICE_ABOVE_MAX_BOUND, ledger.sign(pay().gasUnitPrice(10_001).build()));
    assertDiscarded(StatusCode.INVALID_GAS_SPECIFIER, ledger.sign(pay().gasCurrencyCode("X-S").build()));
  }

  @Test
  void priceBelowAConfiguredMinimum() {
    GasSchedule std = GasSchedule.standard();
    GasSchedule strict = new GasSchedule(std.minTransactionGasUnits(), std.largeTransactionCutoff(),
        std.intrinsicGasPerByte(), std.maximumNumberOfGasUnits(), 1, std.maxPricePerGasUnit(),
        std.maxTransactionSizeInBytes(), std.scriptCosts());
    TestLedger strictLedger = new TestLedger(new ExecutorConfig(true, strict));
    TransactionOutput o = strictLedger.run(strictLedger.sign(
        strictLedger.raw(strictLedger.user(0), Payloads.p2p("XUS", strictLedger.user(1), 1)).build()));
    assertEquals(TransactionStatus.discard(StatusCode.GAS_UNIT_PRICE_BELOW_MIN_BOUND), o.status());
  }

  @Test
  void frozenSender() {
    ledger.run(ledger.txn(StateKeys.TREASURY_COMPLIANCE,
        Payloads.call(StandardScript.FREEZE_ACCOUNT, null, 1L, alice)));
    assertDiscarded(StatusCode.SENDING_ACCOUNT_FROZEN, ledger.sign(pay().build()));
  }

  @Test
  void gasCurrency() {
    assertDiscarded(StatusCode.CURRENCY_INFO_DOES_NOT_EXIST, ledger.sign(pay().gasCurrencyCode("ABC").build()));
    assertDiscarded(StatusCode.BAD_TRANSACTION_FEE_CURRENCY,
        ledger.sign(pay().gasCurrencyCode("XDX").gasUnitPrice(1).build()));
  }

  @Test
  void wrongChain() {
    assertDiscarded(StatusCode.BAD_CHAIN_ID, ledger.sign(pay().chainId(new ChainId(TestLedger.CHAIN + 1)).build()));
  }

  @Test
  void undecodableSenderAccount() {
    ledger.state.put(StateKeys.accountKey(alice), new byte[] {1, 2, 3});
    TransactionOutput o = ledger.executorOutputWithoutApplying(ledger.sign(
        RawTransaction.builder().sender(alice).sequenceNumber(0).payload(Payloads.p2p("XUS", bob, 1))
            .gasUnitPrice(0).chainId(new ChainId(TestLedger.CHAIN)).build()));
    assertEquals(TransactionStatus.discard(StatusCode.UNABLE_TO_DESERIALIZE_ACCOUNT), o.status());
  }

  @Test
  void outOfGasIsKeptAndChargesTheMaximum() {
    RawTransaction raw = pay().maxGasAmount(700).gasUnitPrice(2).build(); // intrinsic 600 + 400 > 700
    TransactionOutput o = ledger.run(ledger.sign(raw));
    assertEquals(TransactionStatus.keep(KeptVmStatus.OUT_OF_GAS), o.status());
    assertEquals(700, o.gasUsed());
    assertEquals(TestLedger.FUNDS - 1_400, ledger.account(alice).balance("XUS"));
    assertEquals(TestLedger.FUNDS, ledger.account(bob).balance("XUS"));
    assertEquals(1, ledger.seq(alice));
    ledger.checkSupply();
  }

  @Test
  void illTypedArgumentsAreKeptAsMiscellaneousError() {
    TransactionOutput o = ledger.run(ledger.sign(pay().payload(
        Payloads.call(StandardScript.PEER_TO_PEER_WITH_METADATA, "XUS", bob, true, Bytes.EMPTY, Bytes.EMPTY)).build()));
    assertEquals(TransactionStatus.keep(KeptVmStatus.MISCELLANEOUS_ERROR), o.status());
    assertEquals(1, ledger.seq(alice));
    TransactionOutput noCurrency = ledger.run(ledger.sign(pay().payload(
        Payloads.call(StandardScript.PEER_TO_PEER_WITH_METADATA, null, bob, 1L, Bytes.EMPTY, Bytes.EMPTY)).build()));
    assertEquals(TransactionStatus.keep(KeptVmStatus.MISCELLANEOUS_ERROR), noCurrency.status());
    assertEquals(2, ledger.seq(alice));
  }

  /** Mempool admission's entry point: the prologue's verdict, without running the script. */
  @Test
  void validationRunsOnlyThePrologue() throws Exception {
    BlockExecutor executor = ledger.executor();
    List<SignedTransaction> discarded = List.of(
        pay().build().sign(Keys.key(55)),
        ledger.sign(pay().sequenceNumber(7).build()),
        ledger.sign(pay().maxGasAmount(1_000_000).gasUnitPrice(10_000).build()),
        ledger.sign(pay().chainId(new ChainId(TestLedger.CHAIN + 1)).build()));
    var before = ledger.state.digest();
    for (SignedTransaction t : discarded) {
      TransactionStatus executed = ledger.executorOutputWithoutApplying(t).status();
      StatusCode code = ((TransactionStatus.Discard) executed).code();
      assertEquals(Optional.of(code), executor.validateTransaction(ledger.state, t));
    }
    // More than Alice holds: the script aborts, but a block keeps the transaction (it pays for its
    // gas), so admission must accept it.
    SignedTransaction overdraft = ledger.sign(ledger.raw(alice, Payloads.p2p("XUS", bob, 1L << 62)).build());
    TransactionStatus executed = ledger.executorOutputWithoutApplying(overdraft).status();
    assertTrue(executed instanceof TransactionStatus.Keep k && k.status() != KeptVmStatus.EXECUTED, executed.toString());
    assertEquals(Optional.empty(), executor.validateTransaction(ledger.state, overdraft));
    assertEquals(Optional.empty(), executor.validateTransaction(ledger.state, ledger.sign(pay().build())));
    assertEquals(before, ledger.state.digest());
  }
}
