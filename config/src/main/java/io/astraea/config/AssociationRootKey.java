package io.astraea.config;

import io.astraea.crypto.AuthenticationKey;
import io.astraea.crypto.CryptoMaterialException;
import io.astraea.crypto.Ed25519PublicKey;
import io.astraea.crypto.MultiEd25519PublicKey;
import java.util.List;

/**
 * The key that controls the association root account ({@code 0xA550C18}). One key means a plain
 * Ed25519 account (authentication scheme 0); several keys with a threshold k mean a k-of-n
 * MultiEd25519 key (scheme 1) shared by the member institutions. Key order is significant: it
 * fixes the MultiEd25519 key bytes, hence the authentication key, and the signer bitmap.
 */
public record AssociationRootKey(List<Ed25519PublicKey> publicKeys, int threshold) {
  public AssociationRootKey {
    publicKeys = List.copyOf(publicKeys);
  }

  public boolean isMultiSig() {
    return publicKeys.size() > 1;
  }

  /** The k-of-n key; only for {@link #isMultiSig()} roots. */
  public MultiEd25519PublicKey multiKey() {
    try {
      return MultiEd25519PublicKey.of(publicKeys, threshold);
    } catch (CryptoMaterialException e) {
      throw new IllegalStateException("validated key set is not a MultiEd25519 key", e);
    }
  }

  /** The authentication key the root account is created with. */
  public AuthenticationKey authenticationKey() {
    return isMultiSig()
        ? AuthenticationKey.fromScheme(multiKey().toBytes(), AuthenticationKey.SCHEME_MULTI_ED25519)
        : AuthenticationKey.ed25519(publicKeys.get(0));
  }
}
