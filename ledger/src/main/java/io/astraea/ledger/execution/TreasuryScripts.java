package io.astraea.ledger.execution;

import io.astraea.crypto.AccountAddress;
import io.astraea.ledger.state.AccountRole;
import io.astraea.ledger.state.AccountState;
import io.astraea.ledger.state.CurrencyInfo;
import io.astraea.ledger.state.StateKeys;
import io.astraea.ledger.state.U64;
import io.astraea.ledger.types.Bytes;
import java.math.BigInteger;
import java.util.List;

/**
 * Money supply and compliance: Diem's {@code TreasuryComplianceScripts}. Only treasury compliance
 * mints (to designated dealers), burns, cancels burns, freezes and sets exchange rates; designated
 * dealers preburn. Supply changes keep {@code total = balances + preburns} per currency.
 */
final class TreasuryScripts {
  /** {@code Diem} reasons. */
  static final int EMINTING_NOT_ALLOWED = 5;

  static final int EPREBURN_QUEUE = 7;
  static final int EPREBURN_NOT_FOUND = 8;
  static final int EPREBURN_EMPTY = 4;
  static final int EAMOUNT_ZERO = 9;
  static final int EPREBURN_QUEUE_FULL = 13;
  /** {@code DesignatedDealer} reasons. */
  static final int EDEALER = 0;

  static final int EINVALID_MINT_AMOUNT = 4;
  /** {@code AccountFreezing} reasons. */
  static final int EFREEZING_BIT = 0;

  static final int ECANNOT_FREEZE_DIEM_ROOT = 1;
  static final int ECANNOT_FREEZE_TC = 2;
  /** {@code FixedPoint32} reasons. */
  static final int EDENOMINATOR = 0;

  static final int ERATIO_OUT_OF_RANGE = 2;
  /** Diem's bound on outstanding preburn requests per account and currency. */
  static final int MAX_OUTSTANDING_PREBURNS = 256;

  private static final BigInteger U64_MASK = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

  private TreasuryScripts() {}

  /** {@code tiered_mint<C>(nonce, dealer, amount, tier_index)}: TC mints to a designated dealer. */
  static void tieredMint(ScriptContext ctx, ScriptCall call) throws ScriptAbort {
    ctx.requireSenderRole(AccountRole.TreasuryCompliance.class, ScriptContext.ETREASURY_COMPLIANCE);
    ctx.recordNonce(call.u64(0));
    String code = call.currencyCode();
    CurrencyInfo info = ctx.currency(code);
    AccountAddress dealer = call.address(1);
    long amount = call.u64(2);
    if (!info.canMint()) {
      throw ScriptAbort.abort(ScriptContext.DIEM, ScriptAbort.INVALID_STATE, EMINTING_NOT_ALLOWED, code + " cannot be minted");
    }
    if (amount == 0) {
      throw ScriptAbort.abort("DesignatedDealer", ScriptAbort.INVALID_ARGUMENT, EINVALID_MINT_AMOUNT, "zero mint");
    }
    AccountState dd = ctx.requireAccount(dealer, "DesignatedDealer", ScriptAbort.NOT_PUBLISHED, EDEALER);
    if (!(dd.role() instanceof AccountRole.DesignatedDealer ddRole)) {
      throw ScriptAbort.abort("DesignatedDealer", ScriptAbort.NOT_PUBLISHED, EDEALER, dealer + " is not a dealer");
    }
    BigInteger total = info.totalValue().add(BigInteger.valueOf(amount).and(U64_MASK));
    if (total.compareTo(CurrencyInfo.maxTotalValue()) > 0) {
      throw ScriptAbort.arithmetic(ScriptContext.DIEM, "total supply overflows u128");
    }
    ctx.overlay().emit(Events.receivedMint(ddRole.receivedMintEvents(), code, dealer, amount));
    ctx.put(dealer, dd.toBuilder().role(ddRole.withMintEvents(ddRole.receivedMintEvents().next())).build());
    ctx.overlay().emit(Events.mint(info.mintEvents(), amount, code));
    CurrencyInfo minted =
        info.withValues(total, info.preburnValue())
            .withHandles(info.mintEvents().next(), info.burnEvents(), info.preburnEvents(),
                info.cancelBurnEvents(), info.exchangeRateUpdateEvents());
    ctx.overlay().putSystem(ctx.system().withCurrency(minted));
    ctx.deposit(StateKeys.NIL_PROPOSER, dealer, code, amount, Bytes.EMPTY);
  }

  /** {@code preburn<C>(amount)}: a designated dealer moves coins to its preburn queue. */
  static void preburn(ScriptContext ctx, ScriptCall call) throws ScriptAbort {
    String code = call.currencyCode();
    CurrencyInfo info = ctx.currency(code);
    AccountState s = ctx.sender();
    if (!(s.role() instanceof AccountRole.DesignatedDealer)) {
      throw ScriptAbort.abort(ScriptContext.DIEM, ScriptAbort.NOT_PUBLISHED, EPREBURN_QUEUE, "sender has no preburn queue");
    }
    long amount = call.u64(0);
    if (amount == 0) {
      throw ScriptAbort.abort(ScriptContext.DIEM, ScriptAbort.INVALID_ARGUMENT, EAMOUNT_ZERO, "zero preburn");
    }
    if (!s.holds(code)) {
      throw ScriptAbort.abort(
          ScriptContext.DIEM_ACCOUNT, ScriptAbort.NOT_PUBLISHED, ScriptContext.EPAYER_DOESNT_HOLD_CURRENCY, "does not hold " + code);
    }
    if (U64.lessThan(s.balance(code), amount)) {
      throw ScriptAbort.abort(
          ScriptContext.DIEM_ACCOUNT, ScriptAbort.LIMIT_EXCEEDED, ScriptContext.EINSUFFICIENT_BALANCE, "insufficient balance");
    }
    AccountState.Builder b = s.toBuilder();
    List<Long> queue = b.preburnQueue(code);
    if (queue.size() >= MAX_OUTSTANDING_PREBURNS) {
      throw ScriptAbort.abort(ScriptContext.DIEM, ScriptAbort.LIMIT_EXCEEDED, EPREBURN_QUEUE_FULL, "too many preburns");
    }
    long preburnValue;
    try {
      preburnValue = U64.add(info.preburnValue(), amount);
    } catch (ArithmeticException e) {
      throw ScriptAbort.arithmetic(ScriptContext.DIEM, "preburn value overflows");
    }
    queue.add(amount);
    b.balance(code, s.balance(code) - amount);
    ctx.overlay().emit(Events.sentPayment(s.sentEvents(), amount, code, ctx.senderAddress(), Bytes.EMPTY));
    b.sentEvents(s.sentEvents().next());
    ctx.put(ctx.senderAddress(), b.build());
    ctx.overlay().emit(Events.supply(Events.PREBURN, info.preburnEvents(), amount, code, ctx.senderAddress()));
    CurrencyInfo updated =
        info.withValues(info.totalValue(), preburnValue)
            .withHandles(info.mintEvents(), info.burnEvents(), info.preburnEvents().next(),
                info.cancelBurnEvents(), info.exchangeRateUpdateEvents());
    ctx.overlay().putSystem(ctx.system().withCurrency(updated));
  }

  /** {@code burn} (oldest request) and {@code burn_with_amount} (oldest request of that amount). */
  static void burn(ScriptContext ctx, ScriptCall call, boolean withAmount) throws ScriptAbort {
    ctx.requireSenderRole(AccountRole.TreasuryCompliance.class, ScriptContext.ETREASURY_COMPLIANCE);
    ctx.recordNonce(call.u64(0));
    String code = call.currencyCode();
    CurrencyInfo info = ctx.currency(code);
    AccountAddress at = call.address(1);
    long amount = takePreburn(ctx, at, code, withAmount ? call.u64(2) : null);
    ctx.overlay().emit(Events.supply(Events.BURN, info.burnEvents(), amount, code, at));
    CurrencyInfo updated =
        info.withValues(
                info.totalValue().subtract(BigInteger.valueOf(amount).and(U64_MASK)),
                U64.sub(info.preburnValue(), amount))
            .withHandles(info.mintEvents(), info.burnEvents().next(), info.preburnEvents(),
                info.cancelBurnEvents(), info.exchangeRateUpdateEvents());
    ctx.overlay().putSystem(ctx.system().withCurrency(updated));
  }

  /** {@code cancel_burn} and {@code cancel_burn_with_amount}: the coins return to their owner. */
  static void cancelBurn(ScriptContext ctx, ScriptCall call, boolean withAmount) throws ScriptAbort {
    ctx.requireSenderRole(AccountRole.TreasuryCompliance.class, ScriptContext.ETREASURY_COMPLIANCE);
    String code = call.currencyCode();
    CurrencyInfo info = ctx.currency(code);
    AccountAddress at = call.address(0);
    long amount = takePreburn(ctx, at, code, withAmount ? call.u64(1) : null);
    ctx.overlay().emit(Events.supply(Events.CANCEL_BURN, info.cancelBurnEvents(), amount, code, at));
    CurrencyInfo updated =
        info.withValues(info.totalValue(), U64.sub(info.preburnValue(), amount))
            .withHandles(info.mintEvents(), info.burnEvents(), info.preburnEvents(),
                info.cancelBurnEvents().next(), info.exchangeRateUpdateEvents());
    ctx.overlay().putSystem(ctx.system().withCurrency(updated));
    ctx.deposit(at, at, code, amount, Bytes.EMPTY);
  }

  /** Removes a preburn request from {@code at}'s queue and returns its amount. */
  private static long takePreburn(ScriptContext ctx, AccountAddress at, String code, Long amount)
      throws ScriptAbort {
    AccountState s = ctx.requireAccount(at, ScriptContext.DIEM, ScriptAbort.NOT_PUBLISHED, EPREBURN_QUEUE);
    if (!(s.role() instanceof AccountRole.DesignatedDealer)) {
      throw ScriptAbort.abort(ScriptContext.DIEM, ScriptAbort.NOT_PUBLISHED, EPREBURN_QUEUE, at + " has no preburn queue");
    }
    List<Long> queue = s.preburns().get(code);
    int index = -1;
    if (queue != null) {
      for (int i = 0; i < queue.size() && index < 0; i++) {
        if (amount == null || queue.get(i).longValue() == amount.longValue()) {
          index = i;
        }
      }
    }
    if (index < 0) {
      throw ScriptAbort.abort(ScriptContext.DIEM, ScriptAbort.INVALID_STATE, EPREBURN_NOT_FOUND, "no matching preburn");
    }
    AccountState.Builder b = s.toBuilder();
    long taken = b.preburnQueue(code).remove(index);
    b.compactPreburns(code);
    ctx.put(at, b.build());
    return taken;
  }

  /** {@code freeze_account(nonce, address)} and {@code unfreeze_account}: TC only. */
  static void setFrozen(ScriptContext ctx, ScriptCall call, boolean frozen) throws ScriptAbort {
    ctx.requireSenderRole(AccountRole.TreasuryCompliance.class, ScriptContext.ETREASURY_COMPLIANCE);
    ctx.recordNonce(call.u64(0));
    AccountAddress target = call.address(1);
    if (target.equals(StateKeys.ASSOCIATION_ROOT)) {
      throw ScriptAbort.abort("AccountFreezing", ScriptAbort.INVALID_ARGUMENT, ECANNOT_FREEZE_DIEM_ROOT, "cannot freeze the root");
    }
    if (target.equals(StateKeys.TREASURY_COMPLIANCE)) {
      throw ScriptAbort.abort("AccountFreezing", ScriptAbort.INVALID_ARGUMENT, ECANNOT_FREEZE_TC, "cannot freeze treasury compliance");
    }
    AccountState s = ctx.requireAccount(target, "AccountFreezing", ScriptAbort.NOT_PUBLISHED, EFREEZING_BIT);
    ctx.put(target, s.toBuilder().frozen(frozen).build());
  }

  /**
   * {@code update_exchange_rate<C>(nonce, numerator, denominator)}: the rate to XDX as a
   * FixedPoint32 {@code (numerator << 32) / denominator}, which must fit in a u64 and not round a
   * non-zero ratio down to zero.
   */
  static void updateExchangeRate(ScriptContext ctx, ScriptCall call) throws ScriptAbort {
    ctx.requireSenderRole(AccountRole.TreasuryCompliance.class, ScriptContext.ETREASURY_COMPLIANCE);
    ctx.recordNonce(call.u64(0));
    String code = call.currencyCode();
    CurrencyInfo info = ctx.currency(code);
    BigInteger num = BigInteger.valueOf(call.u64(1)).and(U64_MASK);
    BigInteger den = BigInteger.valueOf(call.u64(2)).and(U64_MASK);
    if (den.signum() == 0) {
      throw ScriptAbort.abort("FixedPoint32", ScriptAbort.INVALID_ARGUMENT, EDENOMINATOR, "zero denominator");
    }
    BigInteger rate = num.shiftLeft(32).divide(den);
    if (rate.bitLength() > 64 || (rate.signum() == 0 && num.signum() != 0)) {
      throw ScriptAbort.abort("FixedPoint32", ScriptAbort.LIMIT_EXCEEDED, ERATIO_OUT_OF_RANGE, "ratio out of range");
    }
    long raw = rate.longValue();
    ctx.overlay().emit(Events.exchangeRateUpdate(info.exchangeRateUpdateEvents(), code, raw));
    CurrencyInfo updated =
        info.withExchangeRate(raw)
            .withHandles(info.mintEvents(), info.burnEvents(), info.preburnEvents(),
                info.cancelBurnEvents(), info.exchangeRateUpdateEvents().next());
    ctx.overlay().putSystem(ctx.system().withCurrency(updated));
  }
}
