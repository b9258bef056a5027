package io.astraea.node.net.tls;

import io.astraea.crypto.Ed25519PublicKey;
import java.util.Collection;
import java.util.Set;

/**
 * The network keys currently allowed to open a link: the validator set's keys, replaced as a whole
 * on an epoch change. Reads are lock-free; a handshake sees either the old or the new set.
 */
public final class PinnedKeys {
  private volatile Set<Ed25519PublicKey> keys;

  public PinnedKeys(Collection<Ed25519PublicKey> keys) {
    this.keys = Set.copyOf(keys);
  }

  public boolean contains(Ed25519PublicKey key) {
    return keys.contains(key);
  }

  public void replace(Collection<Ed25519PublicKey> newKeys) {
    this.keys = Set.copyOf(newKeys);
  }

  public Set<Ed25519PublicKey> snapshot() {
    return keys;
  }
}
