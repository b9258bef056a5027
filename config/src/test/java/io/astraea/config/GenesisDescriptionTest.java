package io.astraea.config;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.astraea.crypto.AccountAddress;
import io.astraea.crypto.AuthenticationKey;
import io.astraea.crypto.CryptoMaterialException;
import io.astraea.crypto.Ed25519PrivateKey;
import io.astraea.crypto.Ed25519PublicKey;
import io.astraea.crypto.MultiEd25519PublicKey;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class GenesisDescriptionTest {

  private static final java.util.Map<Integer, Ed25519PublicKey> KEYS =
      new java.util.concurrent.ConcurrentHashMap<>();

  static Ed25519PublicKey key(int n) {
    return KEYS.computeIfAbsent(n, GenesisDescriptionTest::newKey);
  }

  private static Ed25519PublicKey newKey(int n) {
    byte[] seed = new byte[32];
    seed[0] = (byte) n;
    seed[1] = (byte) (n >> 8);
    try {
      return Ed25519PrivateKey.fromSeed(seed).publicKey();
    } catch (CryptoMaterialException e) {
      throw new IllegalStateException(e);
    }
  }

  static AuthenticationKey auth(int n) {
    return AuthenticationKey.ed25519(key(n));
  }

  static String validator(String name, int n, int power) {
    return """
          - name: %s
            owner_address: "0x%s"
            consensus_public_key: "%s"
            network_public_key: "%s"
            network_address: "10.0.0.%d:6180"
            voting_power: %d
        """
        .formatted(name, auth(100 + n).derivedAddress().toHex(), key(200 + n).toHex(), key(300 + n).toHex(), n, power);
  }

  static String sample(String validators) {
    return """
        chain_id: 4
        genesis_timestamp_usecs: 1700000000000000
        currencies:
          - code: XUS
            scaling_factor: 1000000
            fractional_part: 100
          - code: XDX
            scaling_factor: 1000000
            fractional_part: 1000
        association_root:
          public_keys: ["%s", "%s", "%s"]
          threshold: 2
        treasury_compliance:
          public_key: "%s"
        designated_dealers:
          - name: dealer-one
            address: "0x%s"
            auth_key: "%s"
        validators:
        %s
        testnet_accounts:
          - auth_key: "%s"
            currency: XUS
            amount: 5000000
          - auth_key: "%s"
            currency: XDX
            amount: 7
        """
        .formatted(
            key(1).toHex(), key(2).toHex(), key(3).toHex(),
            key(10).toHex(),
            auth(20).derivedAddress().toHex(), auth(20).toHex(),
            validators,
            auth(30).toHex(), auth(30).toHex());
  }

  static final String FOUR_VALIDATORS =
      validator("v0", 0, 1) + validator("v1", 1, 1) + validator("v2", 2, 2) + validator("v3", 3, 1);

  @Test
  void validDescriptionParsesIntoTypedValues() throws Exception {
    GenesisDescription d = GenesisDescription.parse(sample(FOUR_VALIDATORS));
    assertEquals(4, d.chainId());
    assertEquals(1_700_000_000_000_000L, d.genesisTimestampUsecs());
    assertEquals(
        List.of(new GenesisCurrency("XDX", 1_000_000, 1000), new GenesisCurrency("XUS", 1_000_000, 100)),
        d.currencies());
    assertTrue(d.associationRoot().isMultiSig());
    MultiEd25519PublicKey multi = MultiEd25519PublicKey.of(List.of(key(1), key(2), key(3)), 2);
    assertEquals(
        AuthenticationKey.fromScheme(multi.toBytes(), AuthenticationKey.SCHEME_MULTI_ED25519),
        d.associationRoot().authenticationKey());
    assertEquals(key(10), d.treasuryCompliancePublicKey());
    assertEquals(auth(20).derivedAddress(), d.designatedDealers().get(0).address());
    assertEquals(4, d.validators().size());
    assertEquals(5, d.totalVotingPower());
    GenesisValidator v2 =
        d.validators().stream().filter(v -> v.name().equals("v2")).findFirst().orElseThrow();
    assertEquals("10.0.0.2", v2.host());
    assertEquals(6180, v2.port());
    assertEquals(key(202), v2.consensusPublicKey());
    assertEquals(2, d.testnetAccounts().size());
    assertEquals(auth(30).derivedAddress(), d.testnetAccounts().get(0).address());
  }

  @Test
  void singleRootKeyIsAPlainEd25519Account() throws Exception {
    String yaml =
        sample(FOUR_VALIDATORS)
            .replaceFirst(
                "public_keys: \\[.*\\]\\n  threshold: 2", "public_keys: [\"" + key(1).toHex() + "\"]");
    GenesisDescription d = GenesisDescription.parse(yaml);
    assertFalse(d.associationRoot().isMultiSig());
    assertEquals(AuthenticationKey.ed25519(key(1)), d.associationRoot().authenticationKey());
  }

  @Test
  void everyProblemIsReportedAtOnce() {
    String yaml =
        sample(
                validator("v0", 0, 1)
                    + validator("v0", 1, 0)
                    + "  - name: v9\n    owner_address: \"0xZZ\"\n    consensus_public_key: \"abcd\"\n"
                    + "    network_public_key: \"" + key(301).toHex() + "\"\n"
                    + "    network_address: \"no-port\"\n    voting_power: 1\n    colour: blue\n")
            .replace("chain_id: 4", "chain_id: 300\nextra_field: 1")
            .replace("threshold: 2", "threshold: 4")
            .replace("currency: XDX", "currency: EUR");
    GenesisConfigException e =
        assertThrows(GenesisConfigException.class, () -> GenesisDescription.parse(yaml));
    Set<String> paths =
        e.problems().stream().map(GenesisConfigException.Problem::path).collect(Collectors.toSet());
    for (String expected :
        List.of(
            "extra_field",
            "chain_id",
            "association_root.threshold",
            "validators[1].voting_power",
            "validators[2].owner_address",
            "validators[2].consensus_public_key",
            "validators[2].network_address",
            "validators[2].colour",
            "testnet_accounts")) {
      assertTrue(paths.contains(expected), "missing problem at " + expected + " in " + e.getMessage());
    }
    assertTrue(e.getMessage().contains("undeclared currency EUR"), e.getMessage());
    assertTrue(e.problems().size() >= 9, e.getMessage());
  }

  @Test
  void duplicatesAndCollisionsAreRejected() {
    String dupName = sample(validator("v0", 0, 1) + validator("v0", 1, 1));
    assertProblem(dupName, "name 'v0' is used twice");

    String sameKeys =
        sample(validator("a", 0, 1) + validator("b", 1, 1).replace(key(201).toHex(), key(200).toHex()));
    assertProblem(sameKeys, "reuses another validator's consensus_public_key");

    String rootAddress =
        sample(validator("a", 0, 1))
            .replace("0x" + auth(100).derivedAddress().toHex(), "0xA550C18");
    assertProblem(rootAddress, "already taken by the association root");

    String unquoted =
        sample(validator("a", 0, 1))
            .replace("\"0x" + auth(100).derivedAddress().toHex() + "\"", "0xA550C18");
    assertProblem(unquoted, "YAML read the unquoted value as the number 173345816");

    String mainnet = sample(validator("a", 0, 1)).replace("chain_id: 4", "chain_id: 1");
    assertProblem(mainnet, "not allowed on mainnet");

    String dealerMismatch =
        sample(validator("a", 0, 1))
            .replace("address: \"0x" + auth(20).derivedAddress().toHex(), "address: \"0x00ab");
    assertProblem(dealerMismatch, "does not match auth_key");

    String duplicateYamlKey = sample(validator("a", 0, 1)).replace("chain_id: 4", "chain_id: 4\nchain_id: 5");
    assertProblem(duplicateYamlKey, "Duplicate field");

    assertProblem("chain_id: [unclosed", "not valid YAML");
    assertProblem("just a string", "must be a mapping");
  }

  private static void assertProblem(String yaml, String fragment) {
    GenesisConfigException e =
        assertThrows(GenesisConfigException.class, () -> GenesisDescription.parse(yaml));
    assertTrue(e.getMessage().contains(fragment), "expected '" + fragment + "' in: " + e.getMessage());
  }

  @Test
  void sameDescriptionInAnyOrderAndSpellingGivesTheSameBytes() throws Exception {
    GenesisDescription a = GenesisDescription.parse(sample(FOUR_VALIDATORS));
    String reordered =
        sample(validator("v3", 3, 1) + validator("v1", 1, 1) + validator("v0", 0, 1) + validator("v2", 2, 2))
            .replace(key(10).toHex(), key(10).toHex().toUpperCase(Locale.ROOT))
            .replace("\"" + auth(20).toHex(), "\"0x" + auth(20).toHex());
    GenesisDescription b = GenesisDescription.parse(reordered);
    assertEquals(a, b);
    assertArrayEquals(a.canonicalBytes(), b.canonicalBytes());
    assertEquals(a.toCanonicalYaml(), b.toCanonicalYaml());
    assertEquals(a.hash(), b.hash());

    GenesisDescription again = GenesisDescription.parse(a.toCanonicalYaml());
    assertEquals(a, again);
    assertEquals(a.toCanonicalYaml(), again.toCanonicalYaml());
  }

  @Test
  void anyChangeChangesTheBytes() throws Exception {
    GenesisDescription a = GenesisDescription.parse(sample(FOUR_VALIDATORS));
    GenesisDescription power =
        GenesisDescription.parse(sample(FOUR_VALIDATORS.replace("voting_power: 2", "voting_power: 3")));
    GenesisDescription time =
        GenesisDescription.parse(sample(FOUR_VALIDATORS).replace("1700000000000000", "1700000000000001"));
    assertNotEquals(a.hash(), power.hash());
    assertNotEquals(a.hash(), time.hash());
    // Root key order is part of the MultiEd25519 key, so it is kept, not sorted.
    GenesisDescription swapped =
        GenesisDescription.parse(
            sample(FOUR_VALIDATORS)
                .replace(key(1).toHex() + "\", \"" + key(2).toHex(), key(2).toHex() + "\", \"" + key(1).toHex()));
    assertNotEquals(a.hash(), swapped.hash());
    assertNotEquals(
        a.associationRoot().authenticationKey(), swapped.associationRoot().authenticationKey());
  }

  @Test
  void ipv6AndOptionalOwnerAuthKey() throws Exception {
    String v =
        validator("v0", 0, 1)
                .replace("\"10.0.0.0:6180\"", "\"[::1]:7000\"")
            + "    owner_auth_key: \"" + auth(100).toHex() + "\"\n";
    GenesisDescription d = GenesisDescription.parse(sample(v));
    GenesisValidator g = d.validators().get(0);
    assertEquals("::1", g.host());
    assertEquals(7000, g.port());
    assertEquals("[::1]:7000", g.networkAddress());
    assertEquals(auth(100), g.ownerAuthKey().orElseThrow());
    AccountAddress other = auth(999).derivedAddress();
    assertProblem(
        sample(v.replace("owner_address: \"0x" + auth(100).derivedAddress().toHex(), "owner_address: \"0x" + other.toHex())),
        "does not derive owner_address");
  }

  @Test
  void programmaticConstructionAppliesTheSameRules() throws Exception {
    GenesisDescription d = GenesisDescription.parse(sample(FOUR_VALIDATORS));
    GenesisValidator first = d.validators().get(0);
    GenesisValidator clash =
        new GenesisValidator(
            first.name(),
            GenesisDescription.ASSOCIATION_ROOT_ADDRESS,
            java.util.Optional.empty(),
            key(900),
            key(901),
            "10.9.9.9",
            6180,
            1);
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                new GenesisDescription(
                    1,
                    d.genesisTimestampUsecs(),
                    d.currencies(),
                    d.associationRoot(),
                    d.treasuryCompliancePublicKey(),
                    d.designatedDealers(),
                    List.of(first, clash),
                    d.testnetAccounts()));
    assertTrue(e.getMessage().contains("is used twice"), e.getMessage());
    assertTrue(e.getMessage().contains("already taken by the association root"), e.getMessage());
    assertTrue(e.getMessage().contains("not allowed on mainnet"), e.getMessage());
    // The same values that parse also construct, giving an equal description.
    assertEquals(
        d,
        new GenesisDescription(
            d.chainId(),
            d.genesisTimestampUsecs(),
            d.currencies(),
            d.associationRoot(),
            d.treasuryCompliancePublicKey(),
            d.designatedDealers(),
            d.validators(),
            d.testnetAccounts()));
  }
}
