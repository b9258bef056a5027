package io.astraea.ledger.execution;

import io.astraea.crypto.AccountAddress;
import io.astraea.ledger.state.AccountRole;
import io.astraea.ledger.state.AccountState;
import io.astraea.ledger.state.StateKeys;
import io.astraea.ledger.state.U64;
import io.astraea.ledger.types.Bytes;
import java.util.Optional;

/**
 * Payments, account creation and key rotation: Diem's {@code PaymentScripts},
 * {@code AccountCreationScripts} and {@code AccountAdministrationScripts}.
 */
final class AccountScripts {
  /** {@code VASP::ETOO_MANY_CHILDREN}. */
  static final int ETOO_MANY_CHILDREN = 4;

  private AccountScripts() {}

  /** {@code peer_to_peer_with_metadata<C>(payee, amount, metadata, metadata_signature)}. */
  static void peerToPeer(ScriptContext ctx, ScriptCall call) throws ScriptAbort {
    String currency = call.currencyCode();
    ctx.currency(currency);
    ctx.pay(ctx.senderAddress(), call.address(0), currency, call.u64(1), call.bytes(2));
  }

  /** {@code rotate_authentication_key(new_key)}: any account may rotate its own key. */
  static void rotateAuthenticationKey(ScriptContext ctx, ScriptCall call) throws ScriptAbort {
    Bytes key = call.bytes(0);
    if (key.length() != 32) {
      throw ScriptAbort.abort(
          ScriptContext.DIEM_ACCOUNT, ScriptAbort.INVALID_ARGUMENT,
          ScriptContext.EMALFORMED_AUTHENTICATION_KEY, "an authentication key is 32 bytes");
    }
    ctx.put(ctx.senderAddress(), ctx.sender().toBuilder().authKey(key).build());
  }

  /** {@code create_parent_vasp_account<C>(nonce, address, auth_key_prefix, name, add_all)}; TC only. */
  static void createParentVasp(ScriptContext ctx, ScriptCall call) throws ScriptAbort {
    ctx.requireSenderRole(AccountRole.TreasuryCompliance.class, ScriptContext.ETREASURY_COMPLIANCE);
    ctx.recordNonce(call.u64(0));
    AccountAddress address = call.address(1);
    createAccount(
        ctx, address, call.bytes(2), new AccountRole.ParentVasp(call.bytes(3), 0),
        call.currencyCode(), call.bool(4));
  }

  /** {@code create_designated_dealer<C>(nonce, address, auth_key_prefix, name, add_all)}; TC only. */
  static void createDesignatedDealer(ScriptContext ctx, ScriptCall call) throws ScriptAbort {
    ctx.requireSenderRole(AccountRole.TreasuryCompliance.class, ScriptContext.ETREASURY_COMPLIANCE);
    ctx.recordNonce(call.u64(0));
    AccountAddress address = call.address(1);
    AccountState.Builder b = newAccount(ctx, address, call.bytes(2), null);
    b.role(new AccountRole.DesignatedDealer(call.bytes(3), b.newEventHandle(address)));
    addCurrencies(ctx, b, call.currencyCode(), call.bool(4));
    ctx.put(address, b.build());
  }

  /** {@code create_validator_account(nonce, address, auth_key_prefix, name)}; association root only. */
  static void createValidator(ScriptContext ctx, ScriptCall call) throws ScriptAbort {
    ctx.requireSenderRole(AccountRole.AssociationRoot.class, ScriptContext.EDIEM_ROOT);
    ctx.recordNonce(call.u64(0));
    AccountAddress address = call.address(1);
    AccountRole role = new AccountRole.Validator(call.bytes(3), Optional.empty(), Optional.empty());
    ctx.put(address, newAccount(ctx, address, call.bytes(2), role).build());
  }

  /** {@code create_validator_operator_account(nonce, address, auth_key_prefix, name)}; root only. */
  static void createValidatorOperator(ScriptContext ctx, ScriptCall call) throws ScriptAbort {
    ctx.requireSenderRole(AccountRole.AssociationRoot.class, ScriptContext.EDIEM_ROOT);
    ctx.recordNonce(call.u64(0));
    AccountAddress address = call.address(1);
    AccountRole role = new AccountRole.ValidatorOperator(call.bytes(3));
    ctx.put(address, newAccount(ctx, address, call.bytes(2), role).build());
  }

  /**
   * {@code create_child_vasp_account<C>(address, auth_key_prefix, add_all, initial_balance)}: a
   * parent VASP creates a child (at most 256) and funds it from its own balance.
   */
  static void createChildVasp(ScriptContext ctx, ScriptCall call) throws ScriptAbort {
    AccountRole.ParentVasp parent =
        ctx.requireSenderRole(AccountRole.ParentVasp.class, ScriptContext.EPARENT_VASP);
    if (parent.numChildren() >= AccountRole.ParentVasp.MAX_CHILD_ACCOUNTS) {
      throw ScriptAbort.abort("VASP", ScriptAbort.LIMIT_EXCEEDED, ETOO_MANY_CHILDREN, "too many children");
    }
    String currency = call.currencyCode();
    AccountAddress address = call.address(0);
    createAccount(
        ctx, address, call.bytes(1), new AccountRole.ChildVasp(ctx.senderAddress()), currency,
        call.bool(2));
    AccountState p = ctx.sender();
    ctx.put(
        ctx.senderAddress(),
        p.toBuilder().role(parent.withChildren(U64.add(parent.numChildren(), 1))).build());
    long initial = call.u64(3);
    if (initial != 0) {
      ctx.pay(ctx.senderAddress(), address, currency, initial, Bytes.EMPTY);
    }
  }

  private static void createAccount(
      ScriptContext ctx, AccountAddress address, Bytes prefix, AccountRole role, String currency,
      boolean addAll) throws ScriptAbort {
    AccountState.Builder b = newAccount(ctx, address, prefix, role);
    addCurrencies(ctx, b, currency, addAll);
    ctx.put(address, b.build());
  }

  private static AccountState.Builder newAccount(
      ScriptContext ctx, AccountAddress address, Bytes prefix, AccountRole role) throws ScriptAbort {
    Bytes authKey = ScriptContext.authKey(prefix, address);
    if (StateKeys.isReserved(address)) {
      throw ScriptAbort.abort(
          ScriptContext.DIEM_ACCOUNT, ScriptAbort.INVALID_ARGUMENT,
          ScriptContext.ECANNOT_CREATE_AT_VM_RESERVED, address + " is reserved");
    }
    if (ctx.account(address).isPresent()) {
      throw ScriptAbort.abort(
          ScriptContext.DIEM_ACCOUNT, ScriptAbort.ALREADY_PUBLISHED, ScriptContext.EACCOUNT,
          "an account exists at " + address);
    }
    return AccountState.newAccount(address, authKey, role);
  }

  /** Opens a zero balance in {@code currency} (and every registered currency if {@code addAll}). */
  private static void addCurrencies(
      ScriptContext ctx, AccountState.Builder b, String currency, boolean addAll) throws ScriptAbort {
    ctx.currency(currency);
    b.balance(currency, 0);
    if (addAll) {
      for (String code : ctx.system().currencies().keySet()) {
        b.balance(code, 0);
      }
    }
  }
}
