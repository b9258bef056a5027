package io.astraea.ledger.execution;

import io.astraea.crypto.AccountAddress;
import io.astraea.ledger.state.AccountRole;
import io.astraea.ledger.state.AccountState;
import io.astraea.ledger.state.StateKeys;
import io.astraea.ledger.state.StateWriteSet;
import io.astraea.ledger.state.SystemState;
import io.astraea.ledger.state.U64;
import io.astraea.ledger.types.Bytes;
import io.astraea.ledger.types.ContractEvent;
import io.astraea.ledger.types.Identifier;
import io.astraea.ledger.types.KeptVmStatus;
import io.astraea.ledger.types.RawTransaction;
import io.astraea.ledger.types.SignedTransaction;
import io.astraea.ledger.types.StatusCode;
import io.astraea.ledger.types.TransactionStatus;
import java.util.List;
import java.util.Optional;

/**
 * Runs one user transaction against the block state: the prologue (Diem's discard statuses, in
 * Diem's order), the native script, and the epilogue (sequence number and gas). A script that
 * fails leaves only the epilogue's effects. Every failure becomes a status: nothing thrown by a
 * transaction leaves {@link #execute}.
 */
final class UserTransactionExecutor {
  private final ExecutorConfig config;

  UserTransactionExecutor(ExecutorConfig config) {
    this.config = config;
  }

  /** What the prologue decided: discard with a status, or keep (and what running the script needs). */
  private sealed interface Prologue permits Discarded, Passed {}

  private record Discarded(StatusCode status) implements Prologue {}

  private record Passed(AccountState sender, ScriptResolution resolution, long intrinsicGas) implements Prologue {}

  TransactionOutput execute(BlockState block, SignedTransaction txn) {
    try {
      Prologue p = prologue(block, txn);
      if (p instanceof Passed ok) {
        return runScript(block, txn.rawTxn(), ok.sender(), ok.resolution(), ok.intrinsicGas());
      }
      return TransactionOutput.discard(((Discarded) p).status());
    } catch (CorruptStateException e) {
      return TransactionOutput.discard(StatusCode.UNABLE_TO_DESERIALIZE_ACCOUNT);
    } catch (RuntimeException e) {
      return TransactionOutput.discard(StatusCode.UNKNOWN_INVARIANT_VIOLATION_ERROR);
    }
  }

  /**
   * The prologue alone, as mempool admission wants it: the status {@link #execute} would discard
   * {@code txn} with, or empty if it would keep it (whatever its script then does).
   */
  Optional<StatusCode> validate(BlockState block, SignedTransaction txn) {
    try {
      return prologue(block, txn) instanceof Discarded d ? Optional.of(d.status()) : Optional.empty();
    } catch (CorruptStateException e) {
      return Optional.of(StatusCode.UNABLE_TO_DESERIALIZE_ACCOUNT);
    } catch (RuntimeException e) {
      return Optional.of(StatusCode.UNKNOWN_INVARIANT_VIOLATION_ERROR);
    }
  }

  private static Prologue discard(StatusCode status) {
    return new Discarded(status);
  }

  private Prologue prologue(BlockState block, SignedTransaction txn) {
    GasSchedule gas = config.gas();
    RawTransaction raw = txn.rawTxn();
    byte[] rawBcs = raw.toBcs();
    long size = rawBcs.length;
    if (size > gas.maxTransactionSizeInBytes()) {
      return discard(StatusCode.EXCEEDED_MAX_TRANSACTION_SIZE);
    }
    if (U64.lessThan(gas.maximumNumberOfGasUnits(), raw.maxGasAmount())) {
      return discard(StatusCode.MAX_GAS_UNITS_EXCEEDS_MAX_GAS_UNITS_BOUND);
    }
    long intrinsic = gas.intrinsicGas(size);
    if (U64.lessThan(raw.maxGasAmount(), intrinsic)) {
      return discard(StatusCode.MAX_GAS_UNITS_BELOW_MIN_TRANSACTION_GAS_UNITS);
    }
    if (U64.lessThan(raw.gasUnitPrice(), gas.minPricePerGasUnit())) {
      return discard(StatusCode.GAS_UNIT_PRICE_BELOW_MIN_BOUND);
    }
    if (U64.lessThan(gas.maxPricePerGasUnit(), raw.gasUnitPrice())) {
      return discard(StatusCode.GAS_UNIT_PRICE_ABOVE_MAX_BOUND);
    }
    if (!Identifier.isValid(raw.gasCurrencyCode())) {
      return discard(StatusCode.INVALID_GAS_SPECIFIER);
    }
    if (config.verifySignatures()
        && !txn.authenticator().verify(RawTransaction.HASHER.signingMessage(rawBcs)).isValid()) {
      return discard(StatusCode.INVALID_SIGNATURE);
    }
    ScriptResolution resolution = ScriptResolver.resolve(raw.payload());
    if (resolution instanceof ScriptResolution.Rejected r) {
      return discard(r.status());
    }
    SystemState system = block.system();
    if (raw.chainId().id() != system.chainId().id()) {
      return discard(StatusCode.BAD_CHAIN_ID);
    }
    Optional<AccountState> maybeSender = block.account(raw.sender());
    if (maybeSender.isEmpty()) {
      return discard(StatusCode.SENDING_ACCOUNT_DOES_NOT_EXIST);
    }
    AccountState sender = maybeSender.get();
    if (!sender.authKey().equals(Bytes.of(txn.authenticationKey().toBytes()))) {
      return discard(StatusCode.INVALID_AUTH_KEY);
    }
    if (sender.frozen()) {
      return discard(StatusCode.SENDING_ACCOUNT_FROZEN);
    }
    String gasCurrency = raw.gasCurrencyCode();
    if (system.currency(gasCurrency).isEmpty()) {
      return discard(StatusCode.CURRENCY_INFO_DOES_NOT_EXIST);
    }
    long maxFee = U64.mul(raw.maxGasAmount(), raw.gasUnitPrice());
    if (maxFee != 0) {
      if (!sender.holds(gasCurrency)) {
        return discard(StatusCode.BAD_TRANSACTION_FEE_CURRENCY);
      }
      if (U64.lessThan(sender.balance(gasCurrency), maxFee)) {
        return discard(StatusCode.INSUFFICIENT_BALANCE_FOR_TRANSACTION_FEE);
      }
    }
    if (raw.sequenceNumber() == -1L) {
      return discard(StatusCode.SEQUENCE_NUMBER_TOO_BIG);
    }
    if (U64.lessThan(raw.sequenceNumber(), sender.sequenceNumber())) {
      return discard(StatusCode.SEQUENCE_NUMBER_TOO_OLD);
    }
    if (raw.sequenceNumber() != sender.sequenceNumber()) {
      return discard(StatusCode.SEQUENCE_NUMBER_TOO_NEW);
    }
    long nowSecs = system.timestampUsecs() / 1_000_000L;
    if (!U64.lessThan(nowSecs, raw.expirationTimestampSecs())) {
      return discard(StatusCode.TRANSACTION_EXPIRED);
    }
    return new Passed(sender, resolution, intrinsic);
  }

  private TransactionOutput runScript(
      BlockState block, RawTransaction raw, AccountState sender, ScriptResolution resolution, long intrinsic) {
    if (resolution instanceof ScriptResolution.Malformed) {
      return failure(block, raw, sender, intrinsic, KeptVmStatus.MISCELLANEOUS_ERROR);
    }
    ScriptCall call = ((ScriptResolution.Call) resolution).call();
    long gasUsed = U64.add(intrinsic, config.gas().scriptCost(call.script()));
    if (U64.lessThan(raw.maxGasAmount(), gasUsed)) {
      return failure(block, raw, sender, raw.maxGasAmount(), KeptVmStatus.OUT_OF_GAS);
    }
    TransactionOverlay overlay = new TransactionOverlay(block);
    ScriptContext ctx = new ScriptContext(overlay, raw.sender(), block.system().timestampUsecs());
    try {
      ScriptRunner.run(ctx, call);
    } catch (ScriptAbort a) {
      return failure(block, raw, sender, gasUsed, a.status());
    } catch (ArithmeticException e) {
      return failure(block, raw, sender, gasUsed, ScriptAbort.arithmetic("DiemAccount", e.getMessage()).status());
    }
    long fee = U64.mul(gasUsed, raw.gasUnitPrice());
    AccountState after = overlay.account(raw.sender()).orElseThrow();
    if (fee != 0 && U64.lessThan(after.balance(raw.gasCurrencyCode()), fee)) {
      return failure(block, raw, sender, gasUsed,
          ScriptAbort.abort("DiemAccount", ScriptAbort.LIMIT_EXCEEDED, ScriptContext.EINSUFFICIENT_BALANCE,
              "cannot pay the fee after the script").status());
    }
    epilogue(overlay, raw, after, fee);
    List<ContractEvent> events = overlay.events();
    StateWriteSet writes = overlay.commit();
    return new TransactionOutput(writes, events, gasUsed, TransactionStatus.keep(KeptVmStatus.EXECUTED));
  }

  /** Keeps a failed transaction: only the sequence number and the fee change. */
  private TransactionOutput failure(
      BlockState block, RawTransaction raw, AccountState sender, long gasUsed, KeptVmStatus status) {
    TransactionOverlay overlay = new TransactionOverlay(block);
    epilogue(overlay, raw, sender, U64.mul(gasUsed, raw.gasUnitPrice()));
    StateWriteSet writes = overlay.commit();
    return new TransactionOutput(writes, List.of(), gasUsed, TransactionStatus.keep(status));
  }

  private static void epilogue(TransactionOverlay overlay, RawTransaction raw, AccountState sender, long fee) {
    AccountState.Builder b = sender.toBuilder().sequenceNumber(raw.sequenceNumber() + 1);
    String currency = raw.gasCurrencyCode();
    if (fee != 0) {
      b.balance(currency, U64.sub(sender.balance(currency), fee));
      AccountAddress collector = StateKeys.FEE_COLLECTOR;
      AccountState c = overlay.account(collector).orElseThrow(
          () -> new IllegalStateException("no fee collector account"));
      if (!(c.role() instanceof AccountRole.FeeCollector)) {
        throw new IllegalStateException("the fee collector address holds another role");
      }
      overlay.put(collector, c.withBalance(currency, U64.add(c.balance(currency), fee)));
    }
    overlay.put(raw.sender(), b.build());
  }
}
