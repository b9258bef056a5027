package io.astraea.ledger.execution;

import io.astraea.crypto.AccountAddress;
import io.astraea.crypto.CryptoMaterialException;
import io.astraea.crypto.Ed25519PublicKey;
import io.astraea.ledger.state.AccountRole;
import io.astraea.ledger.state.AccountState;
import io.astraea.ledger.state.SystemState;
import io.astraea.ledger.types.Bytes;
import io.astraea.ledger.types.ValidatorConfig;
import io.astraea.ledger.types.ValidatorInfo;
import io.astraea.ledger.types.ValidatorSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Validator-set governance: Diem's {@code ValidatorAdministrationScripts}. Adding and removing a
 * validator is the association root's decision; a validator's config may be set by its operator
 * or by the association root. Every change to the active set ends the epoch.
 */
final class ValidatorScripts {
  /** {@code DiemSystem} reasons. */
  static final int EINVALID_PROSPECTIVE_VALIDATOR = 3;

  static final int EALREADY_A_VALIDATOR = 4;
  static final int ENOT_AN_ACTIVE_VALIDATOR = 5;
  static final int EMAX_VALIDATORS = 6;
  static final int ELAST_VALIDATOR = 7;
  /** {@code ValidatorConfig} reasons. */
  static final int EVALIDATOR_CONFIG = 0;

  static final int EINVALID_TRANSACTION_SENDER = 1;
  static final int EINVALID_CONSENSUS_KEY = 2;
  /** Diem's bound on the validator set size. */
  static final int MAX_VALIDATORS = 256;
  /** Every validator Astraea adds votes with power 1, as in Diem. */
  static final long VOTING_POWER = 1;

  private ValidatorScripts() {}

  /** {@code add_validator_and_reconfigure(nonce, name, address)}; association root only. */
  static void addValidator(ScriptContext ctx, ScriptCall call) throws ScriptAbort {
    ctx.requireSenderRole(AccountRole.AssociationRoot.class, ScriptContext.EDIEM_ROOT);
    ctx.recordNonce(call.u64(0));
    AccountAddress address = call.address(2);
    AccountRole.Validator v = validator(ctx, address, call.bytes(1));
    if (v.config().isEmpty()) {
      throw ScriptAbort.abort("ValidatorConfig", ScriptAbort.NOT_PUBLISHED, EVALIDATOR_CONFIG, "no registered config");
    }
    SystemState s = ctx.system();
    ValidatorSet set = s.validatorSet();
    if (set.find(address).isPresent()) {
      throw ScriptAbort.abort("DiemSystem", ScriptAbort.INVALID_ARGUMENT, EALREADY_A_VALIDATOR, "already a validator");
    }
    if (set.validators().size() >= MAX_VALIDATORS) {
      throw ScriptAbort.abort("DiemSystem", ScriptAbort.LIMIT_EXCEEDED, EMAX_VALIDATORS, "validator set is full");
    }
    List<ValidatorInfo> list = new ArrayList<>(set.validators());
    list.add(new ValidatorInfo(address, VOTING_POWER, v.config().get()));
    ctx.overlay().putSystem(s.withValidatorSet(new ValidatorSet(list)));
    ctx.reconfigure();
  }

  /** {@code remove_validator_and_reconfigure(nonce, name, address)}; root only, never the last. */
  static void removeValidator(ScriptContext ctx, ScriptCall call) throws ScriptAbort {
    ctx.requireSenderRole(AccountRole.AssociationRoot.class, ScriptContext.EDIEM_ROOT);
    ctx.recordNonce(call.u64(0));
    AccountAddress address = call.address(2);
    validator(ctx, address, call.bytes(1));
    SystemState s = ctx.system();
    List<ValidatorInfo> list = new ArrayList<>(s.validatorSet().validators());
    if (!list.removeIf(i -> i.accountAddress().equals(address))) {
      throw ScriptAbort.abort("DiemSystem", ScriptAbort.INVALID_ARGUMENT, ENOT_AN_ACTIVE_VALIDATOR, "not an active validator");
    }
    if (list.isEmpty()) {
      throw ScriptAbort.abort("DiemSystem", ScriptAbort.INVALID_STATE, ELAST_VALIDATOR, "cannot remove the last validator");
    }
    ctx.overlay().putSystem(s.withValidatorSet(new ValidatorSet(list)));
    ctx.reconfigure();
  }

  /**
   * {@code set_validator_config_and_reconfigure(validator, consensus_key, addresses, fullnode
   * addresses)}: stores the config and, if the validator is active, updates the set and ends the
   * epoch.
   */
  static void setConfigAndReconfigure(ScriptContext ctx, ScriptCall call) throws ScriptAbort {
    AccountAddress address = call.address(0);
    ValidatorConfig config = storeConfig(ctx, call);
    SystemState s = ctx.system();
    Optional<ValidatorInfo> active = s.validatorSet().find(address);
    if (active.isPresent() && !active.get().config().equals(config)) {
      List<ValidatorInfo> list = new ArrayList<>();
      for (ValidatorInfo i : s.validatorSet().validators()) {
        list.add(i.accountAddress().equals(address)
            ? new ValidatorInfo(address, i.consensusVotingPower(), config)
            : i);
      }
      ctx.overlay().putSystem(s.withValidatorSet(new ValidatorSet(list)));
      ctx.reconfigure();
    }
  }

  /** {@code register_validator_config(...)}: stores the config without touching the active set. */
  static void registerConfig(ScriptContext ctx, ScriptCall call) throws ScriptAbort {
    storeConfig(ctx, call);
  }

  /** {@code set_validator_operator(operator_name, operator)}: sent by the validator itself. */
  static void setOperator(ScriptContext ctx, ScriptCall call) throws ScriptAbort {
    AccountRole.Validator v = ctx.requireSenderRole(AccountRole.Validator.class, ScriptContext.EVALIDATOR);
    AccountAddress operator = call.address(1);
    Optional<AccountState> op = ctx.account(operator);
    if (op.isEmpty() || !(op.get().role() instanceof AccountRole.ValidatorOperator o)) {
      throw ScriptAbort.abort(
          ScriptContext.ROLES, ScriptAbort.REQUIRES_ROLE, ScriptContext.EVALIDATOR_OPERATOR, operator + " is not an operator");
    }
    if (!o.humanName().equals(call.bytes(0))) {
      throw ScriptAbort.inScript(0, "operator name does not match");
    }
    ctx.put(ctx.senderAddress(), ctx.sender().toBuilder().role(v.withOperator(operator)).build());
  }

  private static ValidatorConfig storeConfig(ScriptContext ctx, ScriptCall call) throws ScriptAbort {
    AccountAddress address = call.address(0);
    AccountState account =
        ctx.requireAccount(address, "ValidatorConfig", ScriptAbort.NOT_PUBLISHED, EVALIDATOR_CONFIG);
    if (!(account.role() instanceof AccountRole.Validator v)) {
      throw ScriptAbort.abort("ValidatorConfig", ScriptAbort.NOT_PUBLISHED, EVALIDATOR_CONFIG, address + " is not a validator");
    }
    boolean isRoot = ctx.sender().role() instanceof AccountRole.AssociationRoot;
    boolean isOperator = v.operator().map(ctx.senderAddress()::equals).orElse(false);
    if (!isRoot && !isOperator) {
      throw ScriptAbort.abort(
          "ValidatorConfig", ScriptAbort.INVALID_ARGUMENT, EINVALID_TRANSACTION_SENDER,
          "sender is neither the validator's operator nor the association root");
    }
    Ed25519PublicKey key;
    try {
      key = Ed25519PublicKey.fromBytes(call.bytes(1).toArray());
    } catch (CryptoMaterialException e) {
      throw ScriptAbort.abort("ValidatorConfig", ScriptAbort.INVALID_ARGUMENT, EINVALID_CONSENSUS_KEY, e.getMessage());
    }
    ValidatorConfig config = new ValidatorConfig(key, call.bytes(2), call.bytes(3));
    ctx.put(address, account.toBuilder().role(v.withConfig(config)).build());
    return config;
  }

  /** The validator role at {@code address}, whose human name must equal {@code name}. */
  private static AccountRole.Validator validator(ScriptContext ctx, AccountAddress address, Bytes name)
      throws ScriptAbort {
    Optional<AccountState> a = ctx.account(address);
    if (a.isEmpty() || !(a.get().role() instanceof AccountRole.Validator v)) {
      throw ScriptAbort.abort(
          "DiemSystem", ScriptAbort.INVALID_ARGUMENT, EINVALID_PROSPECTIVE_VALIDATOR, address + " is not a validator account");
    }
    if (!v.humanName().equals(name)) {
      throw ScriptAbort.inScript(0, "validator name does not match");
    }
    return v;
  }
}
