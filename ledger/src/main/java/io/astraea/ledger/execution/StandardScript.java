package io.astraea.ledger.execution;

import io.astraea.crypto.HashValue;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The Diem standard scripts Astraea executes natively. Each is reachable as a legacy script,
 * recognised by {@code sha3_256} of Diem's compiled bytecode (the allow-list hashes, taken from the
 * bytecode shipped in Diem's client SDK 1.0.5), and/or as a script function
 * {@code 0x1::Module::function}. Parameters are listed in Diem's order, without the signer.
 */
public enum StandardScript {
  PEER_TO_PEER_WITH_METADATA(
      "04ea43107fafc12adcd09f6c68d63e194675d0ce843a7faf7cceb6c813db9d9a",
      "PaymentScripts", "peer_to_peer_with_metadata", true,
      Param.ADDRESS, Param.U64, Param.BYTES, Param.BYTES),
  CREATE_PARENT_VASP_ACCOUNT(
      "7f00777016cf8770922b6f91e1f7884721a80334f385ee65bbfc420d1bdf5c6b",
      "AccountCreationScripts", "create_parent_vasp_account", true,
      Param.U64, Param.ADDRESS, Param.BYTES, Param.BYTES, Param.BOOL),
  CREATE_CHILD_VASP_ACCOUNT(
      "bf800f1dee9d9f9d472d679a08e28a748fff71135ebfbb6c587f56068ac2028b",
      "AccountCreationScripts", "create_child_vasp_account", true,
      Param.ADDRESS, Param.BYTES, Param.BOOL, Param.U64),
  CREATE_DESIGNATED_DEALER(
      "b84a5e3dfcd0aeefd7db94f16ebb2827db46927641aeee2acc6eec516bb711b5",
      "AccountCreationScripts", "create_designated_dealer", true,
      Param.U64, Param.ADDRESS, Param.BYTES, Param.BYTES, Param.BOOL),
  CREATE_VALIDATOR_ACCOUNT(
      "33cd809f96523289a2f447dd6fff7208fff3f3dae3d3cff95bb2103580fc6779",
      "AccountCreationScripts", "create_validator_account", false,
      Param.U64, Param.ADDRESS, Param.BYTES, Param.BYTES),
  CREATE_VALIDATOR_OPERATOR_ACCOUNT(
      "e1ad20307c5b7f202da07a6f83c946f6b44b30ea6fef56718a73bb8557e8d9c5",
      "AccountCreationScripts", "create_validator_operator_account", false,
      Param.U64, Param.ADDRESS, Param.BYTES, Param.BYTES),
  ROTATE_AUTHENTICATION_KEY(
      "fc493c1701f007d0958b2a461a79463220d70c24c301eb0d62834d74d6fb8445",
      "AccountAdministrationScripts", "rotate_authentication_key", false,
      Param.BYTES),
  TIERED_MINT(
      "0718b7826d70196405eacc6643e444b67310c843694389f4085537128dfa538c",
      "TreasuryComplianceScripts", "tiered_mint", true,
      Param.U64, Param.ADDRESS, Param.U64, Param.U64),
  PREBURN(
      "85149f6f2647f9b682b4ac759766c730627bcd49117ec1f5f7b11a7ea1e21287",
      "TreasuryComplianceScripts", "preburn", true,
      Param.U64),
  /** Legacy script only: burns the oldest outstanding preburn request. */
  BURN(
      "87ee3986a1f2b7fae111d017611798af62dcf075a722cd2a59ba9e53c25b4c14",
      null, null, true,
      Param.U64, Param.ADDRESS),
  /** Script function only: burns the oldest preburn request of exactly {@code amount}. */
  BURN_WITH_AMOUNT(
      null, "TreasuryComplianceScripts", "burn_with_amount", true,
      Param.U64, Param.ADDRESS, Param.U64),
  /** Legacy script only: returns the oldest outstanding preburn request to its owner. */
  CANCEL_BURN(
      "5c0ffcf26584a0eb64c79c5eb6c49f9f9a65968bc7538b59cabda8b95607b18e",
      null, null, true,
      Param.ADDRESS),
  /** Script function only: returns the oldest preburn request of exactly {@code amount}. */
  CANCEL_BURN_WITH_AMOUNT(
      null, "TreasuryComplianceScripts", "cancel_burn_with_amount", true,
      Param.ADDRESS, Param.U64),
  FREEZE_ACCOUNT(
      "ff9e545db9c3546d892de6c6716d0a45929a721a14d478da3d689900eb16a394",
      "TreasuryComplianceScripts", "freeze_account", false,
      Param.U64, Param.ADDRESS),
  UNFREEZE_ACCOUNT(
      "0e9dceaf3a66b076acb0ddd29041ddea4316716da26c88fdd55dad5fd862a3e3",
      "TreasuryComplianceScripts", "unfreeze_account", false,
      Param.U64, Param.ADDRESS),
  UPDATE_EXCHANGE_RATE(
      "c7867dc0e3fd4bb68df0de4df83ea562d7f0ef37158f4c22c3187618eddbe6c9",
      "TreasuryComplianceScripts", "update_exchange_rate", true,
      Param.U64, Param.U64, Param.U64),
  ADD_VALIDATOR_AND_RECONFIGURE(
      "35d8c3c72179615cf40bdef0e40fe56c8a7aff294b9015ee7e8c5707d02f4a0c",
      "ValidatorAdministrationScripts", "add_validator_and_reconfigure", false,
      Param.U64, Param.BYTES, Param.ADDRESS),
  REMOVE_VALIDATOR_AND_RECONFIGURE(
      "099a4352b3cb4afe8e862fdbe0cd0fb60a11d3fda5bc1b2359876bc024ed10da",
      "ValidatorAdministrationScripts", "remove_validator_and_reconfigure", false,
      Param.U64, Param.BYTES, Param.ADDRESS),
  SET_VALIDATOR_CONFIG_AND_RECONFIGURE(
      "c53d52844332bf7df524ed5f6181c770de5d9960b7fb4f5ce99049e1b6036101",
      "ValidatorAdministrationScripts", "set_validator_config_and_reconfigure", false,
      Param.ADDRESS, Param.BYTES, Param.BYTES, Param.BYTES),
  REGISTER_VALIDATOR_CONFIG(
      "2b124c549e828df9bc38c6d45779d155f973116f077d8f0faa92c4d25389a4c1",
      "ValidatorAdministrationScripts", "register_validator_config", false,
      Param.ADDRESS, Param.BYTES, Param.BYTES, Param.BYTES),
  SET_VALIDATOR_OPERATOR(
      "b33b71a6e98a50d8f41f00af92feec4fd77ede12d3ceb5052e53c6291920620d",
      "ValidatorAdministrationScripts", "set_validator_operator", false,
      Param.BYTES, Param.ADDRESS);

  /** The Move type of a script parameter. */
  public enum Param {
    U64,
    ADDRESS,
    BYTES,
    BOOL
  }

  private static final Map<HashValue, StandardScript> BY_HASH = new TreeMap<>();
  private static final Map<String, StandardScript> BY_FUNCTION = new TreeMap<>();

  static {
    for (StandardScript s : values()) {
      s.codeHash.ifPresent(h -> BY_HASH.put(h, s));
      s.functionName().ifPresent(n -> BY_FUNCTION.put(s.module + "::" + n, s));
    }
  }

  private final Optional<HashValue> codeHash;
  private final String module;
  private final String function;
  private final boolean takesCurrency;
  private final List<Param> params;

  StandardScript(String codeHash, String module, String function, boolean takesCurrency, Param... params) {
    this.codeHash = Optional.ofNullable(codeHash).map(HashValue::fromHex);
    this.module = module;
    this.function = function;
    this.takesCurrency = takesCurrency;
    this.params = Collections.unmodifiableList(Arrays.asList(params));
  }

  /** {@code sha3_256} of Diem's compiled script, if the script exists in legacy form. */
  public Optional<HashValue> codeHash() {
    return codeHash;
  }

  /** The script module name at {@code 0x1}, if the script exists as a script function. */
  public Optional<String> moduleName() {
    return Optional.ofNullable(module);
  }

  public Optional<String> functionName() {
    return Optional.ofNullable(function);
  }

  /** Whether the script takes exactly one currency type argument. */
  public boolean takesCurrency() {
    return takesCurrency;
  }

  public List<Param> params() {
    return params;
  }

  /** The script whose compiled code hashes to {@code hash}. */
  public static Optional<StandardScript> byCodeHash(HashValue hash) {
    return Optional.ofNullable(BY_HASH.get(hash));
  }

  /** The script function {@code 0x1::module::function}. */
  public static Optional<StandardScript> byFunction(String module, String function) {
    return Optional.ofNullable(BY_FUNCTION.get(module + "::" + function));
  }
}
