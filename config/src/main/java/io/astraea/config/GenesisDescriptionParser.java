package io.astraea.config;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.astraea.crypto.AccountAddress;
import io.astraea.crypto.AuthenticationKey;
import io.astraea.crypto.CryptoMaterialException;
import io.astraea.crypto.Ed25519PublicKey;
import io.astraea.crypto.MultiEd25519PublicKey;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a genesis description from YAML: first field by field (types, ranges, key and address
 * syntax), then across fields (uniqueness, references, supply limits), collecting every problem.
 */
final class GenesisDescriptionParser {
  private static final ObjectMapper YAML =
      new ObjectMapper(
          YAMLFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build());

  private static final Set<String> TOP =
      Set.of(
          "chain_id",
          "genesis_timestamp_usecs",
          "currencies",
          "association_root",
          "treasury_compliance",
          "designated_dealers",
          "validators",
          "testnet_accounts");

  private final Problems problems = new Problems();

  private GenesisDescriptionParser() {}

  static GenesisDescription parse(String yaml) throws GenesisConfigException {
    JsonNode tree;
    try {
      tree = YAML.readTree(yaml);
    } catch (JsonProcessingException e) {
      Problems p = new Problems();
      String where =
          e.getLocation() == null
              ? ""
              : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
      p.add("", "not valid YAML" + where + ": " + e.getOriginalMessage());
      p.throwIfAny();
      throw new AssertionError("unreachable");
    }
    return new GenesisDescriptionParser().read(tree);
  }

  private GenesisDescription read(JsonNode tree) throws GenesisConfigException {
    YamlFields top = YamlFields.of(tree, "", problems, TOP);
    Long chainId = top.integer("chain_id", true, 1, 255);
    Long timestamp = top.integer("genesis_timestamp_usecs", true, 0, Long.MAX_VALUE);
    List<GenesisCurrency> currencies = currencies(top);
    AssociationRootKey root = root(top);
    Ed25519PublicKey tc = treasury(top);
    List<GenesisDealer> dealers = dealers(top);
    List<GenesisValidator> validators = validators(top);
    List<GenesisAccount> accounts = accounts(top);

    GenesisRules.check(chainId, currencies, root, tc, dealers, validators, accounts, problems);
    problems.throwIfAny();
    return new GenesisDescription(
        chainId.intValue(), timestamp, currencies, root, tc, dealers, validators, accounts);
  }

  private List<GenesisCurrency> currencies(YamlFields top) {
    List<JsonNode> items = top.list("currencies", true);
    List<GenesisCurrency> out = new ArrayList<>();
    if (items == null) {
      return out;
    }
    for (int i = 0; i < items.size(); i++) {
      String path = "currencies[" + i + "]";
      YamlFields f =
          YamlFields.of(items.get(i), path, problems, Set.of("code", "scaling_factor", "fractional_part"));
      String code = f.string("code", true);
      if (code != null && !GenesisRules.CURRENCY_CODE.matcher(code).matches()) {
        problems.add(f.pathOf("code"), "must be a Move identifier of at most 32 characters, e.g. XUS");
        code = null;
      }
      Long scaling = f.integer("scaling_factor", true, 1, Long.MAX_VALUE);
      Long fractional = f.integer("fractional_part", true, 1, Long.MAX_VALUE);
      if (scaling != null && fractional != null && fractional > scaling) {
        problems.add(f.pathOf("fractional_part"), "must not exceed scaling_factor (" + scaling + ")");
        fractional = null;
      }
      if (code != null && scaling != null && fractional != null) {
        out.add(new GenesisCurrency(code, scaling, fractional));
      }
    }
    return out;
  }

  private AssociationRootKey root(YamlFields top) {
    JsonNode node = top.mapping("association_root", true);
    if (node == null) {
      return null;
    }
    YamlFields f = YamlFields.of(node, "association_root", problems, Set.of("public_keys", "threshold"));
    List<JsonNode> keys = f.list("public_keys", true);
    Long threshold = f.integer("threshold", false, 1, MultiEd25519PublicKey.MAX_KEYS);
    if (keys == null) {
      return null;
    }
    if (keys.isEmpty() || keys.size() > MultiEd25519PublicKey.MAX_KEYS) {
      problems.add(f.pathOf("public_keys"), "must hold 1 to 32 keys, got " + keys.size());
      return null;
    }
    List<Ed25519PublicKey> parsed = new ArrayList<>();
    Set<Ed25519PublicKey> seen = new HashSet<>();
    boolean ok = true;
    for (int i = 0; i < keys.size(); i++) {
      String path = f.pathOf("public_keys") + "[" + i + "]";
      Ed25519PublicKey k = publicKey(keys.get(i), path);
      if (k == null) {
        ok = false;
      } else if (!seen.add(k)) {
        problems.add(path, "duplicate key");
        ok = false;
      } else {
        parsed.add(k);
      }
    }
    int n = keys.size();
    if (threshold == null && f.has("threshold")) {
      return null;
    }
    if (threshold == null && n > 1) {
      problems.add(f.pathOf("threshold"), "is required when there are several keys");
      return null;
    }
    int k = threshold == null ? 1 : threshold.intValue();
    if (k > n) {
      problems.add(f.pathOf("threshold"), "must not exceed the number of keys (" + n + ")");
      return null;
    }
    return ok ? new AssociationRootKey(parsed, k) : null;
  }

  private Ed25519PublicKey treasury(YamlFields top) {
    JsonNode node = top.mapping("treasury_compliance", true);
    if (node == null) {
      return null;
    }
    YamlFields f = YamlFields.of(node, "treasury_compliance", problems, Set.of("public_key"));
    String hex = f.string("public_key", true);
    return hex == null ? null : publicKey(hex, f.pathOf("public_key"));
  }

  private List<GenesisDealer> dealers(YamlFields top) {
    List<JsonNode> items = top.list("designated_dealers", false);
    List<GenesisDealer> out = new ArrayList<>();
    if (items == null) {
      return out;
    }
    for (int i = 0; i < items.size(); i++) {
      String path = "designated_dealers[" + i + "]";
      YamlFields f = YamlFields.of(items.get(i), path, problems, Set.of("name", "address", "auth_key"));
      String name = f.string("name", true);
      AuthenticationKey auth = authKey(f.string("auth_key", true), f.pathOf("auth_key"));
      AccountAddress address = f.has("address") ? address(f.string("address", false), f.pathOf("address")) : null;
      if (auth != null && address != null && !auth.derivedAddress().equals(address)) {
        problems.add(
            f.pathOf("address"),
            "does not match auth_key, whose last 16 bytes give 0x" + auth.derivedAddress().toHex());
        continue;
      }
      if (name != null && auth != null && (address != null || !f.has("address"))) {
        out.add(new GenesisDealer(name, auth.derivedAddress(), auth));
      }
    }
    return out;
  }

  private List<GenesisValidator> validators(YamlFields top) {
    List<JsonNode> items = top.list("validators", true);
    List<GenesisValidator> out = new ArrayList<>();
    if (items == null) {
      return out;
    }
    Set<String> allowed =
        Set.of(
            "name",
            "owner_address",
            "owner_auth_key",
            "consensus_public_key",
            "network_public_key",
            "network_address",
            "voting_power");
    for (int i = 0; i < items.size(); i++) {
      String path = "validators[" + i + "]";
      YamlFields f = YamlFields.of(items.get(i), path, problems, allowed);
      String name = f.string("name", true);
      AccountAddress owner = address(f.string("owner_address", true), f.pathOf("owner_address"));
      Optional<AuthenticationKey> ownerAuth = Optional.empty();
      boolean authOk = true;
      if (f.has("owner_auth_key")) {
        AuthenticationKey a = authKey(f.string("owner_auth_key", false), f.pathOf("owner_auth_key"));
        authOk = a != null;
        if (a != null && owner != null && !a.derivedAddress().equals(owner)) {
          problems.add(
              f.pathOf("owner_auth_key"),
              "does not derive owner_address (it gives 0x" + a.derivedAddress().toHex() + ")");
          authOk = false;
        }
        ownerAuth = Optional.ofNullable(a);
      }
      Ed25519PublicKey consensus =
          publicKey(f.string("consensus_public_key", true), f.pathOf("consensus_public_key"));
      Ed25519PublicKey network =
          publicKey(f.string("network_public_key", true), f.pathOf("network_public_key"));
      HostPort hp = hostPort(f.string("network_address", true), f.pathOf("network_address"));
      Long power = f.integer("voting_power", true, 1, Long.MAX_VALUE);
      if (name != null && owner != null && authOk && consensus != null && network != null
          && hp != null && power != null) {
        out.add(new GenesisValidator(name, owner, ownerAuth, consensus, network, hp.host, hp.port, power));
      }
    }
    return out;
  }

  private List<GenesisAccount> accounts(YamlFields top) {
    List<JsonNode> items = top.list("testnet_accounts", false);
    List<GenesisAccount> out = new ArrayList<>();
    if (items == null) {
      return out;
    }
    for (int i = 0; i < items.size(); i++) {
      String path = "testnet_accounts[" + i + "]";
      YamlFields f = YamlFields.of(items.get(i), path, problems, Set.of("auth_key", "currency", "amount"));
      AuthenticationKey auth = authKey(f.string("auth_key", true), f.pathOf("auth_key"));
      String currency = f.string("currency", true);
      Long amount = f.integer("amount", true, 1, Long.MAX_VALUE);
      if (auth != null && currency != null && amount != null) {
        out.add(new GenesisAccount(auth, currency, amount));
      }
    }
    return out;
  }

  private Ed25519PublicKey publicKey(JsonNode node, String path) {
    if (!node.isTextual()) {
      problems.add(path, "must be a hex string");
      return null;
    }
    return publicKey(node.textValue(), path);
  }

  private Ed25519PublicKey publicKey(String hex, String path) {
    if (hex == null) {
      return null;
    }
    try {
      return Ed25519PublicKey.fromHex(hex);
    } catch (CryptoMaterialException e) {
      problems.add(path, "not a valid Ed25519 public key (64 hex digits): " + e.getMessage());
      return null;
    }
  }

  private AuthenticationKey authKey(String hex, String path) {
    if (hex == null) {
      return null;
    }
    try {
      return AuthenticationKey.fromHex(hex);
    } catch (CryptoMaterialException e) {
      problems.add(path, "not a valid authentication key (64 hex digits): " + e.getMessage());
      return null;
    }
  }

  private AccountAddress address(String hex, String path) {
    if (hex == null) {
      return null;
    }
    try {
      return AccountAddress.fromHex(hex);
    } catch (CryptoMaterialException e) {
      problems.add(path, e.getMessage());
      return null;
    }
  }

  private record HostPort(String host, int port) {}

  private HostPort hostPort(String text, String path) {
    if (text == null) {
      return null;
    }
    String host;
    String port;
    if (text.startsWith("[")) {
      int close = text.indexOf("]:");
      if (close < 0) {
        problems.add(path, "must be host:port or [ipv6]:port, got '" + text + "'");
        return null;
      }
      host = text.substring(1, close);
      port = text.substring(close + 2);
    } else {
      int colon = text.lastIndexOf(':');
      if (colon <= 0 || text.indexOf(':') != colon) {
        problems.add(path, "must be host:port or [ipv6]:port, got '" + text + "'");
        return null;
      }
      host = text.substring(0, colon);
      port = text.substring(colon + 1);
    }
    if (!GenesisRules.HOST.matcher(host).matches()) {
      problems.add(path, "host '" + host + "' is not a host name or IP address");
      return null;
    }
    int p;
    try {
      p = Integer.parseInt(port);
    } catch (NumberFormatException e) {
      p = -1;
    }
    if (p < 1 || p > 65_535 || !port.matches("[0-9]+")) {
      problems.add(path, "port must be 1 to 65535, got '" + port + "'");
      return null;
    }
    return new HostPort(host, p);
  }
}
