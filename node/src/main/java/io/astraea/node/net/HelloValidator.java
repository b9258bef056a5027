package io.astraea.node.net;

import io.astraea.crypto.AccountAddress;
import io.astraea.crypto.Ed25519PublicKey;
import io.astraea.crypto.HashValue;
import io.astraea.node.net.HelloRejectedException.Reason;
import io.astraea.node.net.wire.WireMessage.Hello;

/**
 * Decides whether a peer's Hello opens a link. Pure: the same inputs always give the same verdict,
 * so every refusal is unit-tested without sockets.
 */
final class HelloValidator {
  static final long PROTOCOL_VERSION = 1;

  private final AccountAddress self;
  private final int chainId;
  private final HashValue genesisHash;

  HelloValidator(AccountAddress self, int chainId, HashValue genesisHash) {
    this.self = self;
    this.chainId = chainId;
    this.genesisHash = genesisHash;
  }

  /** The Hello this node sends. */
  Hello ownHello(Ed25519PublicKey networkKey) {
    return new Hello(PROTOCOL_VERSION, chainId, genesisHash, self, networkKey);
  }

  /**
   * Checks {@code hello} received on a link whose TLS certificate carried {@code tlsKey}.
   *
   * @param dialled the validator this node dialled, or null for an accepted link
   * @return the authenticated peer address
   */
  AccountAddress validate(
      Hello hello, Ed25519PublicKey tlsKey, AccountAddress dialled, PeerDirectory directory)
      throws HelloRejectedException {
    if (hello.protocolVersion() != PROTOCOL_VERSION) {
      throw new HelloRejectedException(
          Reason.PROTOCOL_VERSION,
          "protocol version " + hello.protocolVersion() + ", expected " + PROTOCOL_VERSION);
    }
    if (hello.chainId() != chainId) {
      throw new HelloRejectedException(
          Reason.CHAIN_ID, "chain id " + hello.chainId() + ", expected " + chainId);
    }
    if (!hello.genesisHash().equals(genesisHash)) {
      throw new HelloRejectedException(
          Reason.GENESIS,
          "genesis " + hello.genesisHash().toHex() + ", expected " + genesisHash.toHex());
    }
    AccountAddress claimed = hello.address();
    if (claimed.equals(self)) {
      throw new HelloRejectedException(Reason.SELF, "peer claims this node's address " + claimed);
    }
    PeerInfo known = directory.get(claimed);
    if (known == null) {
      throw new HelloRejectedException(
          Reason.UNKNOWN_VALIDATOR, "address " + claimed + " is not in the validator set");
    }
    if (!hello.networkKey().equals(tlsKey) || !known.networkKey().equals(tlsKey)) {
      throw new HelloRejectedException(
          Reason.KEY_MISMATCH,
          "claims to be "
              + claimed
              + " but its TLS key "
              + tlsKey.toHex()
              + " is not that validator's network key");
    }
    if (dialled != null && !dialled.equals(claimed)) {
      throw new HelloRejectedException(
          Reason.UNEXPECTED_PEER, "dialled " + dialled + " but " + claimed + " answered");
    }
    if (dialled == null && directory.weDial(claimed)) {
      throw new HelloRejectedException(
          Reason.DIAL_RULE, claimed + " dialled in, but the lower address " + self + " dials");
    }
    return claimed;
  }
}
