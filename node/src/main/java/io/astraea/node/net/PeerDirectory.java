package io.astraea.node.net;

import io.astraea.crypto.AccountAddress;
import io.astraea.crypto.Ed25519PublicKey;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The current validator set as seen by the network: every peer but this node, keyed by address in
 * address order. Immutable; replaced as a whole on an epoch change.
 *
 * <p>Dial rule: of two validators, the one with the lower address (unsigned byte order) dials, the
 * other only accepts. Exactly one TCP link per pair, with no tie-breaking race.
 */
final class PeerDirectory {
  private final AccountAddress self;
  private final Map<AccountAddress, PeerInfo> peers;

  PeerDirectory(AccountAddress self, Collection<PeerInfo> validators) {
    this.self = self;
    Map<AccountAddress, PeerInfo> map = new TreeMap<>();
    for (PeerInfo p : validators) {
      if (p.address().equals(self)) {
        continue;
      }
      PeerInfo previous = map.put(p.address(), p);
      if (previous != null) {
        throw new IllegalArgumentException("validator " + p.address() + " is listed twice");
      }
    }
    this.peers = Collections.unmodifiableMap(map);
  }

  AccountAddress self() {
    return self;
  }

  PeerInfo get(AccountAddress address) {
    return peers.get(address);
  }

  Collection<PeerInfo> all() {
    return peers.values();
  }

  List<Ed25519PublicKey> keys() {
    List<Ed25519PublicKey> keys = new ArrayList<>(peers.size());
    for (PeerInfo p : peers.values()) {
      keys.add(p.networkKey());
    }
    return keys;
  }

  /** Whether this node dials {@code peer} (true) or waits for it (false). */
  boolean weDial(AccountAddress peer) {
    return self.compareTo(peer) < 0;
  }
}
