package io.astraea.config;

import io.astraea.crypto.AccountAddress;
import io.astraea.crypto.AuthenticationKey;
import io.astraea.crypto.Ed25519PublicKey;
import java.util.Optional;

/**
 * A validator of the first epoch.
 *
 * @param name a unique human-readable name (used in logs and the testnet layout)
 * @param ownerAddress the validator's account address, which is also its consensus author id
 * @param ownerAuthKey the key that controls the owner account, if the owner will send
 *     transactions; must derive {@code ownerAddress}
 * @param consensusPublicKey the Ed25519 key votes and proposals are signed with
 * @param networkPublicKey the Ed25519 key its TLS peer certificate must carry
 * @param host the peer-link host name or IP literal
 * @param port the peer-link TCP port
 * @param votingPower positive voting power; a quorum is more than two thirds of the total
 */
public record GenesisValidator(
    String name,
    AccountAddress ownerAddress,
    Optional<AuthenticationKey> ownerAuthKey,
    Ed25519PublicKey consensusPublicKey,
    Ed25519PublicKey networkPublicKey,
    String host,
    int port,
    long votingPower) {

  /** {@code host:port}, IPv6 literals in brackets, as written in the description. */
  public String networkAddress() {
    return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
  }
}
