package io.astraea.ledger.types;

import io.astraea.crypto.Ed25519PublicKey;
import io.astraea.crypto.bcs.BcsEncodable;
import io.astraea.crypto.bcs.BcsException;
import io.astraea.crypto.bcs.BcsReader;
import io.astraea.crypto.bcs.BcsWriter;
import java.util.Objects;

/**
 * Where a validator listens for peer links and the Ed25519 key its TLS certificate must carry
 * (the pinned network identity). Astraea's own encoding, stored inside the opaque address bytes of
 * Diem's {@link ValidatorConfig}: BCS {@code host: string, port: u16, network_public_key: bytes}.
 */
public record NetworkAddress(String host, int port, Ed25519PublicKey networkPublicKey)
    implements BcsEncodable {
  /** Longest host name accepted (DNS limit). */
  public static final int MAX_HOST_LENGTH = 253;

  public NetworkAddress {
    Objects.requireNonNull(networkPublicKey, "networkPublicKey");
    String problem = hostProblem(host);
    if (problem != null) {
      throw new IllegalArgumentException(problem);
    }
    if (port < 1 || port > 65_535) {
      throw new IllegalArgumentException("port must be 1 to 65535, got " + port);
    }
  }

  /** Why {@code host} is not acceptable, or {@code null} if it is. */
  public static String hostProblem(String host) {
    if (host == null || host.isEmpty()) {
      return "host must not be empty";
    }
    if (host.length() > MAX_HOST_LENGTH) {
      return "host is longer than " + MAX_HOST_LENGTH + " characters";
    }
    for (int i = 0; i < host.length(); i++) {
      char c = host.charAt(i);
      boolean ok =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || c == '.'
              || c == '-'
              || c == ':'
              || c == '_';
      if (!ok) {
        return "host contains an invalid character '" + c + "': " + host;
      }
    }
    return null;
  }

  public static NetworkAddress decode(BcsReader r) throws BcsException {
    int at = r.position();
    String host = r.readString();
    int port = r.readU16();
    Ed25519PublicKey key = Ed25519PublicKey.decode(r);
    try {
      return new NetworkAddress(host, port, key);
    } catch (IllegalArgumentException e) {
      throw new BcsException(e.getMessage(), at);
    }
  }

  @Override
  public void serialize(BcsWriter w) {
    w.writeString(host).writeU16(port).write(networkPublicKey);
  }

  /** {@code host:port}, with IPv6 literals in brackets. */
  @Override
  public String toString() {
    return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
  }
}
