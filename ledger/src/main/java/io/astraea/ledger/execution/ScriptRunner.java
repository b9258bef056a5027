package io.astraea.ledger.execution;

/** Dispatches a resolved {@link ScriptCall} to its native implementation. */
final class ScriptRunner {
  private ScriptRunner() {}

  static void run(ScriptContext ctx, ScriptCall call) throws ScriptAbort {
    switch (call.script()) {
      case PEER_TO_PEER_WITH_METADATA -> AccountScripts.peerToPeer(ctx, call);
      case CREATE_PARENT_VASP_ACCOUNT -> AccountScripts.createParentVasp(ctx, call);
      case CREATE_CHILD_VASP_ACCOUNT -> AccountScripts.createChildVasp(ctx, call);
      case CREATE_DESIGNATED_DEALER -> AccountScripts.createDesignatedDealer(ctx, call);
      case CREATE_VALIDATOR_ACCOUNT -> AccountScripts.createValidator(ctx, call);
      case CREATE_VALIDATOR_OPERATOR_ACCOUNT -> AccountScripts.createValidatorOperator(ctx, call);
      case ROTATE_AUTHENTICATION_KEY -> AccountScripts.rotateAuthenticationKey(ctx, call);
      case TIERED_MINT -> TreasuryScripts.tieredMint(ctx, call);
      case PREBURN -> TreasuryScripts.preburn(ctx, call);
      case BURN -> TreasuryScripts.burn(ctx, call, false);
      case BURN_WITH_AMOUNT -> TreasuryScripts.burn(ctx, call, true);
      case CANCEL_BURN -> TreasuryScripts.cancelBurn(ctx, call, false);
      case CANCEL_BURN_WITH_AMOUNT -> TreasuryScripts.cancelBurn(ctx, call, true);
      case FREEZE_ACCOUNT -> TreasuryScripts.setFrozen(ctx, call, true);
      case UNFREEZE_ACCOUNT -> TreasuryScripts.setFrozen(ctx, call, false);
      case UPDATE_EXCHANGE_RATE -> TreasuryScripts.updateExchangeRate(ctx, call);
      case ADD_VALIDATOR_AND_RECONFIGURE -> ValidatorScripts.addValidator(ctx, call);
      case REMOVE_VALIDATOR_AND_RECONFIGURE -> ValidatorScripts.removeValidator(ctx, call);
      case SET_VALIDATOR_CONFIG_AND_RECONFIGURE -> ValidatorScripts.setConfigAndReconfigure(ctx, call);
      case REGISTER_VALIDATOR_CONFIG -> ValidatorScripts.registerConfig(ctx, call);
      case SET_VALIDATOR_OPERATOR -> ValidatorScripts.setOperator(ctx, call);
    }
  }
}
