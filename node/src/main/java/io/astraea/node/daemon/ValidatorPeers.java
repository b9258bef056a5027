package io.astraea.node.daemon;

import io.astraea.crypto.bcs.BcsException;
import io.astraea.ledger.types.NetworkAddress;
import io.astraea.ledger.types.ValidatorInfo;
import io.astraea.ledger.types.ValidatorSet;
import io.astraea.node.net.PeerInfo;
import java.util.ArrayList;
import java.util.List;

/** The peer list of the network layer, read from the on-chain validator set. */
final class ValidatorPeers {
  private ValidatorPeers() {}

  static List<PeerInfo> of(ValidatorSet set) throws BcsException {
    List<PeerInfo> peers = new ArrayList<>();
    for (ValidatorInfo v : set.validators()) {
      List<NetworkAddress> addrs = v.config().validatorAddresses();
      if (addrs.isEmpty()) {
        continue;
      }
      NetworkAddress a = addrs.get(0);
      peers.add(new PeerInfo(v.accountAddress(), a.networkPublicKey(), a.host(), a.port()));
    }
    return peers;
  }
}
