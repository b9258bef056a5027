package io.astraea.ledger.types;

import io.astraea.crypto.Ed25519PublicKey;
import io.astraea.crypto.bcs.BcsEncodable;
import io.astraea.crypto.bcs.BcsException;
import io.astraea.crypto.bcs.BcsReader;
import io.astraea.crypto.bcs.BcsWriter;
import java.util.List;
import java.util.Objects;

/**
 * A validator's on-chain configuration in Diem's layout: consensus public key, then the validator
 * and full-node network addresses as opaque byte vectors. Astraea fills each byte vector with the
 * BCS of a {@code seq<NetworkAddress>} ({@link #of}, {@link #validatorAddresses()}).
 */
public record ValidatorConfig(
    Ed25519PublicKey consensusPublicKey,
    Bytes validatorNetworkAddresses,
    Bytes fullnodeNetworkAddresses)
    implements BcsEncodable {

  public ValidatorConfig {
    Objects.requireNonNull(consensusPublicKey, "consensusPublicKey");
    Objects.requireNonNull(validatorNetworkAddresses, "validatorNetworkAddresses");
    Objects.requireNonNull(fullnodeNetworkAddresses, "fullnodeNetworkAddresses");
  }

  /** A config whose address bytes encode the given addresses. */
  public static ValidatorConfig of(
      Ed25519PublicKey consensusKey,
      List<NetworkAddress> validatorAddresses,
      List<NetworkAddress> fullnodeAddresses) {
    return new ValidatorConfig(
        consensusKey, encodeAddresses(validatorAddresses), encodeAddresses(fullnodeAddresses));
  }

  private static Bytes encodeAddresses(List<NetworkAddress> addresses) {
    BcsWriter w = new BcsWriter();
    w.writeSeq(addresses);
    return Bytes.of(w.toByteArray());
  }

  private static List<NetworkAddress> decodeAddresses(Bytes bytes) throws BcsException {
    return BcsReader.decode(bytes.toArray(), r -> r.readSeq(NetworkAddress::decode));
  }

  /** The peer-link addresses; fails if the bytes are not Astraea's address encoding. */
  public List<NetworkAddress> validatorAddresses() throws BcsException {
    return decodeAddresses(validatorNetworkAddresses);
  }

  public List<NetworkAddress> fullnodeAddresses() throws BcsException {
    return decodeAddresses(fullnodeNetworkAddresses);
  }

  public static ValidatorConfig decode(BcsReader r) throws BcsException {
    return new ValidatorConfig(Ed25519PublicKey.decode(r), Bytes.decode(r), Bytes.decode(r));
  }

  @Override
  public void serialize(BcsWriter w) {
    w.write(consensusPublicKey).write(validatorNetworkAddresses).write(fullnodeNetworkAddresses);
  }
}
