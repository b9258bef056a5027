package io.astraea.crypto;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * {@code auth_key = sha3_256(public_key_bytes || scheme)}; the account address is its last 16
 * bytes. Scheme 0 is Ed25519, 1 is MultiEd25519.
 */
public final class AuthenticationKey {
  public static final int LENGTH = 32;
  public static final byte SCHEME_ED25519 = 0;
  public static final byte SCHEME_MULTI_ED25519 = 1;

  private final byte[] bytes;

  private AuthenticationKey(byte[] bytes) {
    this.bytes = bytes;
  }

  public static AuthenticationKey fromBytes(byte[] bytes) throws CryptoMaterialException {
    if (bytes.length != LENGTH) {
      throw new CryptoMaterialException("an authentication key is 32 bytes, got " + bytes.length);
    }
    return new AuthenticationKey(bytes.clone());
  }

  public static AuthenticationKey fromHex(String hex) throws CryptoMaterialException {
    return fromBytes(Hex.parse(hex, "authentication key"));
  }

  public static AuthenticationKey ed25519(Ed25519PublicKey key) {
    return key.authenticationKey();
  }

  /** The authentication key of a k-of-n MultiEd25519 key (scheme 1). */
  public static AuthenticationKey multiEd25519(MultiEd25519PublicKey key) {
    return fromScheme(key.toBytes(), SCHEME_MULTI_ED25519);
  }

  /** For a scheme's public key bytes (e.g. MultiEd25519's concatenation plus threshold). */
  public static AuthenticationKey fromScheme(byte[] publicKeyBytes, byte scheme) {
    return new AuthenticationKey(Sha3.hash(publicKeyBytes, new byte[] {scheme}).toBytes());
  }

  /** The account address this key controls at account creation: the last 16 bytes. */
  public AccountAddress derivedAddress() {
    return AccountAddress.lastBytesOf(bytes);
  }

  /** The first 16 bytes, which Diem's account-creation scripts take as {@code auth_key_prefix}. */
  public byte[] prefix() {
    return Arrays.copyOf(bytes, 16);
  }

  public byte[] toBytes() {
    return bytes.clone();
  }

  public String toHex() {
    return HexFormat.of().formatHex(bytes);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof AuthenticationKey a && Arrays.equals(bytes, a.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    return toHex();
  }
}
