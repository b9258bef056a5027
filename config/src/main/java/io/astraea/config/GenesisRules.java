package io.astraea.config;

import io.astraea.crypto.AccountAddress;
import io.astraea.crypto.Ed25519PublicKey;
import io.astraea.crypto.MultiEd25519PublicKey;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The rules a genesis description must satisfy on typed values: ranges, syntax, uniqueness,
 * references between sections, reserved addresses, the mainnet rule and totals. Shared by the
 * parser (which reports problems against the file) and the {@link GenesisDescription}
 * constructor (which refuses to build an invalid description programmatically). {@code null}
 * arguments stand for fields the parser already reported as invalid and are skipped.
 */
final class GenesisRules {
  static final Pattern CURRENCY_CODE = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,31}");
  static final Pattern HOST = Pattern.compile("[A-Za-z0-9._:-]{1,253}");

  private GenesisRules() {}

  static void check(
      Long chainId,
      List<GenesisCurrency> currencies,
      AssociationRootKey root,
      Ed25519PublicKey tc,
      List<GenesisDealer> dealers,
      List<GenesisValidator> validators,
      List<GenesisAccount> accounts,
      Problems problems) {
    if (chainId != null && (chainId < 1 || chainId > 255)) {
      problems.add("chain_id", "must be between 1 and 255, got " + chainId);
    }
    checkCurrencies(currencies, problems);
    checkRoot(root, tc, problems);
    Map<AccountAddress, String> owners = reservedOwners();
    checkDealers(dealers, owners, problems);
    checkValidators(validators, owners, problems);
    checkAccounts(chainId, currencies, accounts, owners, problems);
  }

  private static void checkCurrencies(List<GenesisCurrency> currencies, Problems problems) {
    if (currencies.isEmpty()) {
      problems.add("currencies", "at least one currency is required");
    }
    Set<String> codes = new HashSet<>();
    for (GenesisCurrency c : currencies) {
      String where = "currency " + c.code();
      if (c.code() == null || !CURRENCY_CODE.matcher(c.code()).matches()) {
        problems.add("currencies", where + ": code must be a Move identifier of at most 32 characters");
      }
      if (c.scalingFactor() < 1 || c.fractionalPart() < 1 || c.fractionalPart() > c.scalingFactor()) {
        problems.add("currencies", where + ": need 1 <= fractional_part <= scaling_factor");
      }
      if (!codes.add(c.code())) {
        problems.add("currencies", "currency " + c.code() + " is listed twice");
      }
    }
  }

  private static void checkRoot(AssociationRootKey root, Ed25519PublicKey tc, Problems problems) {
    if (root != null) {
      int n = root.publicKeys().size();
      if (n < 1 || n > MultiEd25519PublicKey.MAX_KEYS) {
        problems.add("association_root.public_keys", "must hold 1 to 32 keys, got " + n);
      } else if (root.threshold() < 1 || root.threshold() > n) {
        problems.add("association_root.threshold", "must be between 1 and " + n);
      }
      if (new HashSet<>(root.publicKeys()).size() != n) {
        problems.add("association_root.public_keys", "keys must be distinct");
      }
      if (tc != null && root.publicKeys().contains(tc)) {
        problems.add("treasury_compliance.public_key", "must differ from every association root key");
      }
    }
  }

  private static Map<AccountAddress, String> reservedOwners() {
    Map<AccountAddress, String> owners = new TreeMap<>();
    owners.put(GenesisDescription.RESERVED_ADDRESSES.get(0), "the reserved VM address 0x0");
    owners.put(GenesisDescription.RESERVED_ADDRESSES.get(1), "the core code address 0x1");
    owners.put(GenesisDescription.ASSOCIATION_ROOT_ADDRESS, "the association root 0xA550C18");
    owners.put(GenesisDescription.TREASURY_COMPLIANCE_ADDRESS, "treasury compliance 0xB1E55ED");
    return owners;
  }

  private static void checkDealers(
      List<GenesisDealer> dealers, Map<AccountAddress, String> owners, Problems problems) {
    Set<String> names = new HashSet<>();
    for (GenesisDealer d : dealers) {
      String who = "designated dealer '" + d.name() + "'";
      if (d.name() == null || d.name().isEmpty()) {
        problems.add("designated_dealers", "a designated dealer needs a name");
      } else if (!names.add(d.name())) {
        problems.add("designated_dealers", "name '" + d.name() + "' is used twice");
      }
      if (!d.authKey().derivedAddress().equals(d.address())) {
        problems.add("designated_dealers", who + ": address does not match auth_key");
      }
      claim(owners, d.address(), who, "designated_dealers", problems);
    }
  }

  private static void checkValidators(
      List<GenesisValidator> validators, Map<AccountAddress, String> owners, Problems problems) {
    if (validators.isEmpty()) {
      problems.add("validators", "at least one validator is required");
    }
    Set<String> names = new HashSet<>();
    Set<Ed25519PublicKey> consensusKeys = new HashSet<>();
    Set<Ed25519PublicKey> networkKeys = new HashSet<>();
    Set<String> endpoints = new HashSet<>();
    long total = 0;
    boolean overflow = false;
    for (GenesisValidator v : validators) {
      String who = "validator '" + v.name() + "'";
      if (v.name() == null || v.name().isEmpty()) {
        problems.add("validators", "a validator needs a name");
      } else if (!names.add(v.name())) {
        problems.add("validators", "name '" + v.name() + "' is used twice");
      }
      claim(owners, v.ownerAddress(), who, "validators", problems);
      if (v.ownerAuthKey().isPresent()
          && !v.ownerAuthKey().get().derivedAddress().equals(v.ownerAddress())) {
        problems.add("validators", who + ": owner_auth_key does not derive owner_address");
      }
      if (!consensusKeys.add(v.consensusPublicKey())) {
        problems.add("validators", who + " reuses another validator's consensus_public_key");
      }
      if (!networkKeys.add(v.networkPublicKey())) {
        problems.add("validators", who + " reuses another validator's network_public_key");
      }
      if (v.host() == null || !HOST.matcher(v.host()).matches() || v.port() < 1 || v.port() > 65_535) {
        problems.add("validators", who + ": invalid host or port");
      } else if (!endpoints.add(v.networkAddress())) {
        problems.add("validators", who + " reuses network_address " + v.networkAddress());
      }
      if (v.votingPower() < 1) {
        problems.add("validators", who + ": voting power must be positive");
      } else if (!overflow) {
        total += v.votingPower();
        if (total < 0) {
          problems.add("validators", "total voting power overflows a signed 64-bit integer");
          overflow = true;
        }
      }
    }
  }

  private static void checkAccounts(
      Long chainId,
      List<GenesisCurrency> currencies,
      List<GenesisAccount> accounts,
      Map<AccountAddress, String> owners,
      Problems problems) {
    if (!accounts.isEmpty() && chainId != null && chainId == GenesisDescription.MAINNET_CHAIN_ID) {
      problems.add("testnet_accounts", "pre-funded accounts are not allowed on mainnet (chain_id 1)");
    }
    Set<String> codes = new HashSet<>();
    currencies.forEach(c -> codes.add(c.code()));
    Map<String, Long> funded = new HashMap<>();
    Set<String> accountCurrency = new HashSet<>();
    Set<AccountAddress> seen = new HashSet<>();
    Set<String> overflowed = new HashSet<>();
    for (GenesisAccount a : accounts) {
      String who = "testnet account 0x" + a.address().toHex();
      if (!codes.contains(a.currency())) {
        problems.add("testnet_accounts", who + " uses undeclared currency " + a.currency());
      }
      if (!accountCurrency.add(a.address().toHex() + "/" + a.currency())) {
        problems.add("testnet_accounts", who + " is funded twice in " + a.currency());
      }
      if (seen.add(a.address())) {
        claim(owners, a.address(), who, "testnet_accounts", problems);
      }
      if (a.amount() < 1) {
        problems.add("testnet_accounts", who + ": amount must be positive");
        continue;
      }
      long sum = funded.getOrDefault(a.currency(), 0L) + a.amount();
      if (sum < 0 && overflowed.add(a.currency())) {
        problems.add(
            "testnet_accounts", "total pre-funded " + a.currency() + " overflows a signed 64-bit integer");
      }
      funded.put(a.currency(), sum < 0 ? 0L : sum);
    }
  }

  private static void claim(
      Map<AccountAddress, String> owners, AccountAddress a, String who, String path, Problems problems) {
    String previous = owners.putIfAbsent(a, who);
    if (previous != null) {
      problems.add(path, who + " uses address 0x" + a.toHex() + ", already taken by " + previous);
    }
  }
}
