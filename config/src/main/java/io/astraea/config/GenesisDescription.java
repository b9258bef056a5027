package io.astraea.config;

import io.astraea.crypto.AccountAddress;
import io.astraea.crypto.CryptoHasher;
import io.astraea.crypto.Ed25519PublicKey;
import io.astraea.crypto.HashValue;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Everything that goes into a network's genesis transaction, as written by the association in a
 * YAML file (format: {@code docs/GENESIS.md}): chain id, genesis time, currencies, the association
 * root key (one key or k-of-n), the treasury-compliance key, designated dealers, the first
 * validator set and, on test networks, pre-funded accounts.
 *
 * <p>A {@code GenesisDescription} that exists has passed every check of {@link #parse}: the
 * constructor applies the same rules and throws {@link IllegalArgumentException} listing every
 * violation, so a description built in code (e.g. by a testnet generator) is as safe as a parsed
 * one. It is held
 * in canonical order — currencies by code, dealers by address, validators by owner address,
 * testnet accounts by address then currency; association root keys keep their given order because
 * that order is part of the MultiEd25519 key — so two files that say the same thing, in any order
 * or formatting, give equal descriptions and identical {@link #canonicalBytes()}. The genesis
 * transaction is built from this object alone, never from the file text.
 */
public record GenesisDescription(
    int chainId,
    long genesisTimestampUsecs,
    List<GenesisCurrency> currencies,
    AssociationRootKey associationRoot,
    Ed25519PublicKey treasuryCompliancePublicKey,
    List<GenesisDealer> designatedDealers,
    List<GenesisValidator> validators,
    List<GenesisAccount> testnetAccounts) {

  /** Diem's association root account. */
  public static final AccountAddress ASSOCIATION_ROOT_ADDRESS = AccountAddress.of("0xA550C18");
  /** Diem's treasury-compliance account. */
  public static final AccountAddress TREASURY_COMPLIANCE_ADDRESS = AccountAddress.of("0xB1E55ED");
  /** Addresses no configured account may take: VM reserved, core code, root, treasury. */
  public static final List<AccountAddress> RESERVED_ADDRESSES =
      List.of(
          AccountAddress.of("0x0"),
          AccountAddress.of("0x1"),
          ASSOCIATION_ROOT_ADDRESS,
          TREASURY_COMPLIANCE_ADDRESS);
  /** Chain id 1 is Diem's mainnet; testnet accounts are refused there. */
  public static final int MAINNET_CHAIN_ID = 1;

  static final CryptoHasher HASHER = CryptoHasher.forType("AstraeaGenesisDescription");

  public GenesisDescription {
    Objects.requireNonNull(associationRoot, "associationRoot");
    Objects.requireNonNull(treasuryCompliancePublicKey, "treasuryCompliancePublicKey");
    currencies = sorted(currencies, Comparator.comparing(GenesisCurrency::code));
    designatedDealers = sorted(designatedDealers, Comparator.comparing(GenesisDealer::address));
    validators = sorted(validators, Comparator.comparing(GenesisValidator::ownerAddress));
    testnetAccounts =
        sorted(
            testnetAccounts,
            Comparator.comparing(GenesisAccount::address).thenComparing(GenesisAccount::currency));
    Problems problems = new Problems();
    GenesisRules.check(
        (long) chainId,
        currencies,
        associationRoot,
        treasuryCompliancePublicKey,
        designatedDealers,
        validators,
        testnetAccounts,
        problems);
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(problems.describe());
    }
    if (genesisTimestampUsecs < 0) {
      throw new IllegalArgumentException("genesis_timestamp_usecs must not be negative");
    }
  }

  private static <T> List<T> sorted(List<T> in, Comparator<T> order) {
    List<T> copy = new ArrayList<>(in);
    copy.sort(order);
    return List.copyOf(copy);
  }

  /**
   * Parses and validates a description. Every problem — YAML syntax, unknown or missing fields,
   * wrong types, invalid keys or addresses, duplicates, inconsistent references — is collected
   * and reported together in one {@link GenesisConfigException}.
   */
  public static GenesisDescription parse(String yaml) throws GenesisConfigException {
    return GenesisDescriptionParser.parse(yaml);
  }

  /** Reads and parses a description file (UTF-8). */
  public static GenesisDescription load(Path file) throws GenesisConfigException, IOException {
    return parse(Files.readString(file, StandardCharsets.UTF_8));
  }

  /** The canonical YAML form: fixed field order, canonical list order, lower-case hex. */
  public String toCanonicalYaml() {
    return GenesisDescriptionWriter.toYaml(this);
  }

  /** A compact, deterministic binary form (BCS) of this description, for hashing and comparing. */
  public byte[] canonicalBytes() {
    return GenesisDescriptionWriter.toBcs(this);
  }

  /**
   * {@code sha3_256(sha3_256("DIEM::AstraeaGenesisDescription") || canonicalBytes())}: identifies
   * the description, e.g. to check that every operator of a network holds the same one.
   */
  public HashValue hash() {
    return HASHER.hash(canonicalBytes());
  }

  public boolean isMainnet() {
    return chainId == MAINNET_CHAIN_ID;
  }

  public long totalVotingPower() {
    return validators.stream().mapToLong(GenesisValidator::votingPower).sum();
  }
}
