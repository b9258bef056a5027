package io.astraea.node.net;

import io.astraea.crypto.AccountAddress;
import io.astraea.crypto.Ed25519PublicKey;
import java.util.Objects;

/**
 * What the network layer needs to know about one validator: its account address (its identity in
 * consensus), its network key (its identity in TLS) and where it listens.
 */
public record PeerInfo(AccountAddress address, Ed25519PublicKey networkKey, String host, int port) {
  public PeerInfo {
    Objects.requireNonNull(address, "address");
    Objects.requireNonNull(networkKey, "networkKey");
    Objects.requireNonNull(host, "host");
    if (host.isBlank()) {
      throw new IllegalArgumentException("peer " + address + " has a blank host");
    }
    if (port < 1 || port > 65_535) {
      throw new IllegalArgumentException("peer " + address + " has an invalid port " + port);
    }
  }

  @Override
  public String toString() {
    return address.toHex() + "@" + host + ":" + port;
  }
}
