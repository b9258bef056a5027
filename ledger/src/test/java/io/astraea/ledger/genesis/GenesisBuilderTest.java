package io.astraea.ledger.genesis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.astraea.config.GenesisDescription;
import io.astraea.config.GenesisValidator;
import io.astraea.crypto.AccountAddress;
import io.astraea.crypto.AuthenticationKey;
import io.astraea.crypto.CryptoMaterialException;
import io.astraea.crypto.Ed25519PrivateKey;
import io.astraea.crypto.Ed25519PublicKey;
import io.astraea.ledger.state.AccountRole;
import io.astraea.ledger.state.AccountState;
import io.astraea.ledger.state.InMemoryState;
import io.astraea.ledger.state.StateKeys;
import io.astraea.ledger.state.SystemState;
import io.astraea.ledger.types.Bytes;
import io.astraea.ledger.types.Transaction;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class GenesisBuilderTest {
  private static Ed25519PublicKey key(int i) {
    byte[] seed = new byte[32];
    java.util.Arrays.fill(seed, (byte) i);
    try {
      return Ed25519PrivateKey.fromSeed(seed).publicKey();
    } catch (CryptoMaterialException e) {
      throw new IllegalStateException(e);
    }
  }

  private static AuthenticationKey auth(int i) {
    return AuthenticationKey.ed25519(key(i));
  }

  private static String validator(String name, int n, int port) {
    return """
          - name: %s
            owner_address: "0x%s"
            consensus_public_key: "%s"
            network_public_key: "%s"
            network_address: "127.0.0.1:%d"
            voting_power: %d
        """.formatted(name, auth(100 + n).derivedAddress().toHex(), key(120 + n).toHex(), key(140 + n).toHex(),
        port, n + 1);
  }

  private static String yaml(String currencies, String validators) {
    return """
        chain_id: 4
        genesis_timestamp_usecs: 1700000000000000
        currencies:
        %s
        association_root:
          public_keys: ["%s", "%s", "%s"]
          threshold: 2
        treasury_compliance:
          public_key: "%s"
        designated_dealers:
          - name: dealer-one
            auth_key: "%s"
        validators:
        %s
        testnet_accounts:
          - auth_key: "%s"
            currency: XUS
            amount: 5000000
          - auth_key: "%s"
            currency: XUS
            amount: 7
          - auth_key: "%s"
            currency: XDX
            amount: 9
        """.formatted(currencies, key(1).toHex(), key(2).toHex(), key(3).toHex(), key(10).toHex(),
        auth(20).toHex(), validators, auth(30).toHex(), auth(31).toHex(), auth(30).toHex());
  }

  private static final String XUS = "  - {code: XUS, scaling_factor: 1000000, fractional_part: 100}\n";
  private static final String XDX = "  - {code: XDX, scaling_factor: 1000000, fractional_part: 1000}\n";

  static GenesisDescription description() throws Exception {
    return GenesisDescription.parse(yaml(XUS + XDX, validator("a", 0, 6180) + validator("b", 1, 6181)));
  }

  @Test
  void sameDescriptionGivesTheByteIdenticalTransaction() throws Exception {
    Genesis g1 = GenesisBuilder.build(description());
    Genesis g2 = GenesisBuilder.build(GenesisDescription.parse(
        yaml(XDX + XUS, validator("b", 1, 6181) + validator("a", 0, 6180))));
    assertArrayEquals(g1.transaction().toBcs(), g2.transaction().toBcs());
    assertEquals(g1.hash(), g2.hash());
    assertEquals(g1.toState().digest(), g2.toState().digest());
    Genesis other = GenesisBuilder.build(GenesisDescription.parse(
        yaml(XUS + XDX, validator("a", 0, 6180) + validator("b", 1, 6182))));
    assertNotEquals(g1.hash(), other.hash());
    // the transaction survives its own encoding
    assertEquals(g1.transaction(), Transaction.fromBcs(g1.transaction().toBcs()));
  }

  @Test
  void genesisStateHoldsEveryRoleAndTheFirstEpoch() throws Exception {
    GenesisDescription d = description();
    Genesis g = GenesisBuilder.build(d);
    InMemoryState s = g.toState();
    SystemState sys = SystemState.fromBcs(s.getAccountBlob(StateKeys.SYSTEM).orElseThrow());
    assertEquals(4, sys.chainId().id());
    assertEquals(1, sys.epoch());
    assertEquals(1_700_000_000_000_000L, sys.timestampUsecs());
    assertEquals(BigInteger.valueOf(5_000_007), sys.currency("XUS").orElseThrow().totalValue());
    assertEquals(BigInteger.valueOf(9), sys.currency("XDX").orElseThrow().totalValue());
    assertTrue(sys.currency("XDX").orElseThrow().isSynthetic());
    assertEquals(2, g.epochState().verifier().size());
    assertEquals(3, g.epochState().verifier().totalVotingPower());
    assertEquals(g.epochState(), sys.epochState());
    assertEquals(1, sys.newEpochEvents().counter());
    assertEquals("0x1::DiemConfig::NewEpochEvent", g.output().events().get(0).typeTag().toString());

    AccountState root = AccountState.fromBcs(s.getAccountBlob(StateKeys.ASSOCIATION_ROOT).orElseThrow());
    assertEquals(Bytes.of(d.associationRoot().authenticationKey().toBytes()), root.authKey());
    assertInstanceOf(AccountRole.AssociationRoot.class, root.role());
    AccountState tc = AccountState.fromBcs(s.getAccountBlob(StateKeys.TREASURY_COMPLIANCE).orElseThrow());
    assertInstanceOf(AccountRole.TreasuryCompliance.class, tc.role());
    AccountState dealer = AccountState.fromBcs(s.getAccountBlob(auth(20).derivedAddress()).orElseThrow());
    assertInstanceOf(AccountRole.DesignatedDealer.class, dealer.role());
    AccountState funded = AccountState.fromBcs(s.getAccountBlob(auth(30).derivedAddress()).orElseThrow());
    assertEquals(5_000_000, funded.balance("XUS"));
    assertEquals(9, funded.balance("XDX"));
    AccountAddress v = auth(100).derivedAddress();
    AccountRole.Validator vr = (AccountRole.Validator) AccountState.fromBcs(s.getAccountBlob(v).orElseThrow()).role();
    assertEquals(key(120), vr.config().orElseThrow().consensusPublicKey());
    assertEquals(6180, vr.config().orElseThrow().validatorAddresses().get(0).port());
    assertInstanceOf(AccountRole.FeeCollector.class,
        AccountState.fromBcs(s.getAccountBlob(StateKeys.FEE_COLLECTOR).orElseThrow()).role());
  }

  @Test
  void theTransactionAloneRebuildsTheState() throws Exception {
    Genesis g = GenesisBuilder.build(description());
    assertEquals(g.output().writeSet(), GenesisBuilder.stateWrites(g.transaction()));
  }

  @Test
  void aValidatorAtTheFeeCollectorAddressIsRefused() throws Exception {
    GenesisDescription d = description();
    GenesisValidator v = d.validators().get(0);
    GenesisValidator atFees = new GenesisValidator(v.name(), StateKeys.FEE_COLLECTOR, Optional.empty(),
        v.consensusPublicKey(), v.networkPublicKey(), v.host(), v.port(), v.votingPower());
    GenesisDescription bad = new GenesisDescription(d.chainId(), d.genesisTimestampUsecs(), d.currencies(),
        d.associationRoot(), d.treasuryCompliancePublicKey(), d.designatedDealers(),
        List.of(atFees, d.validators().get(1)), d.testnetAccounts());
    assertThrows(GenesisException.class, () -> GenesisBuilder.build(bad));
  }
}
