package io.astraea.node.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.astraea.crypto.AccountAddress;
import io.astraea.crypto.Ed25519PrivateKey;
import io.astraea.crypto.Ed25519PublicKey;
import io.astraea.crypto.HashValue;
import io.astraea.node.net.HelloRejectedException.Reason;
import io.astraea.node.net.wire.WireMessage.Hello;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every reason a Hello is refused, and the two ways one is accepted. */
class HelloValidatorTest {
  private static final HashValue GENESIS = HashValue.fromHex("11".repeat(32));
  private static final AccountAddress SELF = AccountAddress.of("0x5");
  private static final AccountAddress LOWER = AccountAddress.of("0x2");
  private static final AccountAddress HIGHER = AccountAddress.of("0x9");

  private final Ed25519PublicKey lowerKey = Ed25519PrivateKey.generate().publicKey();
  private final Ed25519PublicKey higherKey = Ed25519PrivateKey.generate().publicKey();
  private final PeerDirectory directory =
      new PeerDirectory(
          SELF,
          List.of(
              new PeerInfo(SELF, Ed25519PrivateKey.generate().publicKey(), "h", 1),
              new PeerInfo(LOWER, lowerKey, "h", 2),
              new PeerInfo(HIGHER, higherKey, "h", 3)));
  private final HelloValidator validator = new HelloValidator(SELF, 4, GENESIS);

  private static Hello hello(
      long version, int chain, HashValue genesis, AccountAddress a, Ed25519PublicKey k) {
    return new Hello(version, chain, genesis, a, k);
  }

  private Reason refusal(Hello h, Ed25519PublicKey tlsKey, AccountAddress dialled) {
    return assertThrows(
            HelloRejectedException.class, () -> validator.validate(h, tlsKey, dialled, directory))
        .reason();
  }

  @Test
  void acceptsAnInboundLinkFromALowerAddressAndADialledHigherOne() throws Exception {
    assertEquals(
        LOWER,
        validator.validate(hello(1, 4, GENESIS, LOWER, lowerKey), lowerKey, null, directory));
    assertEquals(
        HIGHER,
        validator.validate(hello(1, 4, GENESIS, HIGHER, higherKey), higherKey, HIGHER, directory));
  }

  @Test
  void refusesAnotherVersionChainOrGenesis() {
    assertEquals(
        Reason.PROTOCOL_VERSION, refusal(hello(2, 4, GENESIS, LOWER, lowerKey), lowerKey, null));
    assertEquals(Reason.CHAIN_ID, refusal(hello(1, 5, GENESIS, LOWER, lowerKey), lowerKey, null));
    assertEquals(
        Reason.GENESIS, refusal(hello(1, 4, HashValue.ZERO, LOWER, lowerKey), lowerKey, null));
  }

  @Test
  void refusesAnIdentityThatDoesNotMatchTheTlsKey() {
    // A member (TLS key = higher's) claiming to be the lower validator.
    assertEquals(
        Reason.KEY_MISMATCH, refusal(hello(1, 4, GENESIS, LOWER, higherKey), higherKey, null));
    // Claiming the lower validator's key in the Hello does not help: TLS proved another key.
    assertEquals(
        Reason.KEY_MISMATCH, refusal(hello(1, 4, GENESIS, LOWER, lowerKey), higherKey, null));
  }

  @Test
  void refusesUnknownSelfUnexpectedAndDialRuleViolations() {
    Ed25519PublicKey stranger = Ed25519PrivateKey.generate().publicKey();
    assertEquals(
        Reason.UNKNOWN_VALIDATOR,
        refusal(hello(1, 4, GENESIS, AccountAddress.of("0x77"), stranger), stranger, null));
    assertEquals(Reason.SELF, refusal(hello(1, 4, GENESIS, SELF, lowerKey), lowerKey, null));
    assertEquals(
        Reason.UNEXPECTED_PEER, refusal(hello(1, 4, GENESIS, LOWER, lowerKey), lowerKey, HIGHER));
    assertEquals(
        Reason.DIAL_RULE, refusal(hello(1, 4, GENESIS, HIGHER, higherKey), higherKey, null));
  }

  @Test
  void ownHelloCarriesThisNodesIdentity() {
    Ed25519PublicKey own = Ed25519PrivateKey.generate().publicKey();
    assertEquals(
        new Hello(HelloValidator.PROTOCOL_VERSION, 4, GENESIS, SELF, own), validator.ownHello(own));
  }
}
