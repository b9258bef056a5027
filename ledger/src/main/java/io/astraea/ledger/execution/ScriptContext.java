package io.astraea.ledger.execution;

import io.astraea.crypto.AccountAddress;
import io.astraea.ledger.state.AccountRole;
import io.astraea.ledger.state.AccountState;
import io.astraea.ledger.state.CurrencyInfo;
import io.astraea.ledger.state.EventHandle;
import io.astraea.ledger.state.SlidingNonce;
import io.astraea.ledger.state.SystemState;
import io.astraea.ledger.state.U64;
import io.astraea.ledger.types.Bytes;
import java.util.Optional;

/**
 * What a native script sees: the sending account, the transaction's {@link TransactionOverlay} and the
 * operations every script shares (role checks, nonces, currencies, balance moves, reconfiguration).
 * Each operation either succeeds or throws a {@link ScriptAbort} with Diem's module and reason.
 */
final class ScriptContext {
  /** {@code DiemAccount} abort reasons. */
  static final int EACCOUNT = 0;

  static final int ECOIN_DEPOSIT_IS_ZERO = 2;
  static final int EINSUFFICIENT_BALANCE = 5;
  static final int EMALFORMED_AUTHENTICATION_KEY = 8;
  static final int ECANNOT_CREATE_AT_VM_RESERVED = 10;
  static final int EPAYEE_DOES_NOT_EXIST = 17;
  static final int EPAYEE_CANT_ACCEPT_CURRENCY_TYPE = 18;
  static final int EPAYER_DOESNT_HOLD_CURRENCY = 19;
  /** {@code Roles} abort reasons. */
  static final int EDIEM_ROOT = 1;

  static final int ETREASURY_COMPLIANCE = 2;
  static final int EPARENT_VASP = 3;
  static final int EDESIGNATED_DEALER = 6;
  static final int EVALIDATOR = 7;
  static final int EVALIDATOR_OPERATOR = 8;
  /** {@code Diem} abort reasons. */
  static final int ECURRENCY_INFO = 1;

  static final String DIEM_ACCOUNT = "DiemAccount";
  static final String DIEM = "Diem";
  static final String ROLES = "Roles";

  private final TransactionOverlay overlay;
  private final AccountAddress sender;
  private final long timestampUsecs;

  ScriptContext(TransactionOverlay overlay, AccountAddress sender, long timestampUsecs) {
    this.overlay = overlay;
    this.sender = sender;
    this.timestampUsecs = timestampUsecs;
  }

  TransactionOverlay overlay() {
    return overlay;
  }

  AccountAddress senderAddress() {
    return sender;
  }

  AccountState sender() {
    return overlay.account(sender).orElseThrow();
  }

  SystemState system() {
    return overlay.system();
  }

  /** Aborts unless the sender's role is of {@code type}; {@code reason} is the Roles code. */
  <R extends AccountRole> R requireSenderRole(Class<R> type, int reason) throws ScriptAbort {
    AccountRole role = sender().role();
    if (!type.isInstance(role)) {
      throw ScriptAbort.abort(
          ROLES, ScriptAbort.REQUIRES_ROLE, reason, "sender is not a " + type.getSimpleName());
    }
    return type.cast(role);
  }

  /** Records the sender's sliding nonce (Diem's {@code SlidingNonce::record_nonce_or_abort}). */
  void recordNonce(long nonce) throws ScriptAbort {
    AccountState s = sender();
    SlidingNonce window = s.slidingNonce();
    if (window == null) {
      throw ScriptAbort.abort("SlidingNonce", ScriptAbort.NOT_PUBLISHED, 0, "sender has no nonce window");
    }
    try {
      SlidingNonce next = window.record(nonce);
      if (next != window) {
        overlay.put(sender, s.toBuilder().slidingNonce(next).build());
      }
    } catch (SlidingNonce.Rejected e) {
      throw ScriptAbort.abort("SlidingNonce", ScriptAbort.INVALID_ARGUMENT, e.reason(), e.getMessage());
    }
  }

  /** The registered currency {@code code}, or an abort with Diem's {@code ECURRENCY_INFO}. */
  CurrencyInfo currency(String code) throws ScriptAbort {
    Optional<CurrencyInfo> c = system().currency(code);
    if (c.isEmpty()) {
      throw ScriptAbort.abort(DIEM, ScriptAbort.NOT_PUBLISHED, ECURRENCY_INFO, code + " is not registered");
    }
    return c.get();
  }

  Optional<AccountState> account(AccountAddress a) {
    return overlay.account(a);
  }

  AccountState requireAccount(AccountAddress a, String module, int category, int reason)
      throws ScriptAbort {
    Optional<AccountState> s = overlay.account(a);
    if (s.isEmpty()) {
      throw ScriptAbort.abort(module, category, reason, "no account at " + a);
    }
    return s.get();
  }

  void put(AccountAddress a, AccountState s) {
    overlay.put(a, s);
  }

  /**
   * Moves {@code amount} of {@code currency} from {@code payer}'s balance to {@code payee}'s and
   * emits the sent and received payment events, as Diem's {@code DiemAccount::pay_from}.
   */
  void pay(AccountAddress payer, AccountAddress payee, String currency, long amount, Bytes metadata)
      throws ScriptAbort {
    if (amount == 0) {
      throw ScriptAbort.abort(DIEM_ACCOUNT, ScriptAbort.INVALID_ARGUMENT, ECOIN_DEPOSIT_IS_ZERO, "zero payment");
    }
    AccountState from = overlay.account(payer).orElseThrow();
    if (!from.holds(currency)) {
      throw ScriptAbort.abort(
          DIEM_ACCOUNT, ScriptAbort.NOT_PUBLISHED, EPAYER_DOESNT_HOLD_CURRENCY, "payer does not hold " + currency);
    }
    if (U64.lessThan(from.balance(currency), amount)) {
      throw ScriptAbort.abort(
          DIEM_ACCOUNT, ScriptAbort.LIMIT_EXCEEDED, EINSUFFICIENT_BALANCE, "insufficient balance");
    }
    AccountState.Builder fb = from.toBuilder();
    fb.balance(currency, from.balance(currency) - amount);
    EventHandle sent = from.sentEvents();
    overlay.emit(Events.sentPayment(sent, amount, currency, payee, metadata));
    fb.sentEvents(sent.next());
    overlay.put(payer, fb.build());
    deposit(payer, payee, currency, amount, metadata);
  }

  /** Credits {@code payee} and emits its received-payment event. */
  void deposit(AccountAddress payer, AccountAddress payee, String currency, long amount, Bytes metadata)
      throws ScriptAbort {
    AccountState to =
        requireAccount(payee, DIEM_ACCOUNT, ScriptAbort.NOT_PUBLISHED, EPAYEE_DOES_NOT_EXIST);
    if (!to.holds(currency) || to.role() instanceof AccountRole.FeeCollector) {
      throw ScriptAbort.abort(
          DIEM_ACCOUNT, ScriptAbort.INVALID_ARGUMENT, EPAYEE_CANT_ACCEPT_CURRENCY_TYPE,
          "payee does not accept " + currency);
    }
    long credited;
    try {
      credited = U64.add(to.balance(currency), amount);
    } catch (ArithmeticException e) {
      throw ScriptAbort.arithmetic(DIEM_ACCOUNT, "payee balance overflows");
    }
    AccountState.Builder tb = to.toBuilder();
    tb.balance(currency, credited);
    EventHandle received = to.receivedEvents();
    overlay.emit(Events.receivedPayment(received, amount, currency, payer, metadata));
    tb.receivedEvents(received.next());
    overlay.put(payee, tb.build());
  }

  /**
   * Starts a new epoch (Diem's {@code DiemConfig::reconfigure}): bumps the epoch and emits a
   * {@code NewEpochEvent}, once per block timestamp; a second change at the same timestamp lands
   * in the epoch already announced.
   */
  void reconfigure() {
    SystemState s = system();
    if (s.lastReconfigurationTimeUsecs() == timestampUsecs) {
      return;
    }
    long epoch = U64.add(s.epoch(), 1);
    EventHandle h = s.newEpochEvents();
    overlay.emit(Events.newEpoch(h, epoch));
    overlay.putSystem(s.withEpoch(epoch, timestampUsecs, h.next()));
  }

  /** The authentication key {@code prefix || address}; aborts unless the prefix is 16 bytes. */
  static Bytes authKey(Bytes prefix, AccountAddress address) throws ScriptAbort {
    if (prefix.length() != 16) {
      throw ScriptAbort.abort(
          DIEM_ACCOUNT, ScriptAbort.INVALID_ARGUMENT, EMALFORMED_AUTHENTICATION_KEY,
          "an authentication key prefix is 16 bytes");
    }
    byte[] k = new byte[32];
    System.arraycopy(prefix.toArray(), 0, k, 0, 16);
    System.arraycopy(address.toBytes(), 0, k, 16, 16);
    return Bytes.of(k);
  }
}
