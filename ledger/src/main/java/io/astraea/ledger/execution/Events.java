package io.astraea.ledger.execution;

import io.astraea.crypto.AccountAddress;
import io.astraea.crypto.bcs.BcsWriter;
import io.astraea.ledger.state.EventHandle;
import io.astraea.ledger.types.Bytes;
import io.astraea.ledger.types.ContractEvent;
import io.astraea.ledger.types.Identifier;
import io.astraea.ledger.types.ModuleId;
import io.astraea.ledger.types.StructTag;
import io.astraea.ledger.types.TypeTag;
import java.util.List;

/**
 * The events Astraea emits, with Diem's type tags and payload layouts so that Diem clients decode
 * them: payments ({@code 0x1::DiemAccount}), currency supply changes ({@code 0x1::Diem}), received
 * mints ({@code 0x1::DesignatedDealer}), new blocks ({@code 0x1::DiemBlock}) and new epochs
 * ({@code 0x1::DiemConfig}).
 */
final class Events {
  static final TypeTag SENT_PAYMENT = tag("DiemAccount", "SentPaymentEvent");
  static final TypeTag RECEIVED_PAYMENT = tag("DiemAccount", "ReceivedPaymentEvent");
  static final TypeTag MINT = tag("Diem", "MintEvent");
  static final TypeTag BURN = tag("Diem", "BurnEvent");
  static final TypeTag PREBURN = tag("Diem", "PreburnEvent");
  static final TypeTag CANCEL_BURN = tag("Diem", "CancelBurnEvent");
  static final TypeTag EXCHANGE_RATE_UPDATE = tag("Diem", "ToXDXExchangeRateUpdateEvent");
  static final TypeTag RECEIVED_MINT = tag("DesignatedDealer", "ReceivedMintEvent");
  static final TypeTag NEW_BLOCK = tag("DiemBlock", "NewBlockEvent");
  static final TypeTag NEW_EPOCH = tag("DiemConfig", "NewEpochEvent");

  private Events() {}

  private static TypeTag tag(String module, String name) {
    return new TypeTag.Struct(
        new StructTag(
            ModuleId.CORE_CODE_ADDRESS, new Identifier(module), new Identifier(name), List.of()));
  }

  private static ContractEvent event(EventHandle h, TypeTag type, BcsWriter payload) {
    return new ContractEvent(h.key(), h.counter(), type, Bytes.of(payload.toByteArray()));
  }

  /** {@code SentPaymentEvent{amount, currency_code, payee, metadata}}. */
  static ContractEvent sentPayment(
      EventHandle h, long amount, String currency, AccountAddress payee, Bytes metadata) {
    BcsWriter w = new BcsWriter(64);
    w.writeU64(amount).writeString(currency).write(payee).write(metadata);
    return event(h, SENT_PAYMENT, w);
  }

  /** {@code ReceivedPaymentEvent{amount, currency_code, payer, metadata}}. */
  static ContractEvent receivedPayment(
      EventHandle h, long amount, String currency, AccountAddress payer, Bytes metadata) {
    BcsWriter w = new BcsWriter(64);
    w.writeU64(amount).writeString(currency).write(payer).write(metadata);
    return event(h, RECEIVED_PAYMENT, w);
  }

  /** {@code MintEvent{amount, currency_code}}. */
  static ContractEvent mint(EventHandle h, long amount, String currency) {
    BcsWriter w = new BcsWriter(32);
    w.writeU64(amount).writeString(currency);
    return event(h, MINT, w);
  }

  /** {@code BurnEvent}, {@code PreburnEvent}, {@code CancelBurnEvent}: amount, code, address. */
  static ContractEvent supply(
      TypeTag type, EventHandle h, long amount, String currency, AccountAddress preburnAddress) {
    BcsWriter w = new BcsWriter(48);
    w.writeU64(amount).writeString(currency).write(preburnAddress);
    return event(h, type, w);
  }

  /** {@code ToXDXExchangeRateUpdateEvent{currency_code, new_to_xdx_exchange_rate}}. */
  static ContractEvent exchangeRateUpdate(EventHandle h, String currency, long rate) {
    BcsWriter w = new BcsWriter(32);
    w.writeString(currency).writeU64(rate);
    return event(h, EXCHANGE_RATE_UPDATE, w);
  }

  /** {@code ReceivedMintEvent{currency_code, destination_address, amount}}. */
  static ContractEvent receivedMint(
      EventHandle h, String currency, AccountAddress destination, long amount) {
    BcsWriter w = new BcsWriter(48);
    w.writeString(currency).write(destination).writeU64(amount);
    return event(h, RECEIVED_MINT, w);
  }

  /** {@code NewBlockEvent{round, proposer, previous_block_votes, time_microseconds}}. */
  static ContractEvent newBlock(
      EventHandle h, long round, AccountAddress proposer, List<AccountAddress> votes, long time) {
    BcsWriter w = new BcsWriter(64);
    w.writeU64(round).write(proposer).writeSeq(votes).writeU64(time);
    return event(h, NEW_BLOCK, w);
  }

  /** {@code NewEpochEvent{epoch}}. */
  static ContractEvent newEpoch(EventHandle h, long epoch) {
    BcsWriter w = new BcsWriter(8);
    w.writeU64(epoch);
    return event(h, NEW_EPOCH, w);
  }
}
