package io.astraea.ledger.types;

import io.astraea.crypto.AuthenticationKey;
import io.astraea.crypto.CryptoMaterialException;
import io.astraea.crypto.Ed25519PublicKey;
import io.astraea.crypto.Ed25519Signature;
import io.astraea.crypto.MultiEd25519PublicKey;
import io.astraea.crypto.MultiEd25519Signature;
import io.astraea.crypto.bcs.BcsEncodable;
import io.astraea.crypto.bcs.BcsException;
import io.astraea.crypto.bcs.BcsReader;
import io.astraea.crypto.bcs.BcsWriter;
import java.util.Objects;

/**
 * The public key and signature that authorise a transaction: single Ed25519 (variant 0) or k-of-n
 * MultiEd25519 (variant 1). Keys are validated when decoded, so a decoded authenticator never
 * holds a small-order or non-canonical key.
 */
public sealed interface TransactionAuthenticator extends BcsEncodable {
  int VARIANTS = 2;

  /** {@code sha3_256(public_key || scheme)}: must equal the sender's stored authentication key. */
  AuthenticationKey authenticationKey();

  /** Checks the signature over {@code message} (the signing message of the raw transaction). */
  SignatureCheck verify(byte[] message);

  record Ed25519(Ed25519PublicKey publicKey, Ed25519Signature signature)
      implements TransactionAuthenticator {
    public Ed25519 {
      Objects.requireNonNull(publicKey, "publicKey");
      Objects.requireNonNull(signature, "signature");
    }

    @Override
    public void serialize(BcsWriter w) {
      w.writeVariant(0).write(publicKey).write(signature);
    }

    @Override
    public AuthenticationKey authenticationKey() {
      return AuthenticationKey.ed25519(publicKey);
    }

    @Override
    public SignatureCheck verify(byte[] message) {
      return publicKey.verify(message, signature)
          ? SignatureCheck.VALID
          : SignatureCheck.invalid("Ed25519 signature does not verify");
    }
  }

  record MultiEd25519(MultiEd25519PublicKey publicKey, MultiEd25519Signature signature)
      implements TransactionAuthenticator {
    public MultiEd25519 {
      Objects.requireNonNull(publicKey, "publicKey");
      Objects.requireNonNull(signature, "signature");
    }

    @Override
    public void serialize(BcsWriter w) {
      w.writeVariant(1).write(publicKey).write(signature);
    }

    @Override
    public AuthenticationKey authenticationKey() {
      return AuthenticationKey.fromScheme(
          publicKey.toBytes(), AuthenticationKey.SCHEME_MULTI_ED25519);
    }

    @Override
    public SignatureCheck verify(byte[] message) {
      try {
        signature.check(message, publicKey);
        return SignatureCheck.VALID;
      } catch (CryptoMaterialException e) {
        return SignatureCheck.invalid("MultiEd25519: " + e.getMessage());
      }
    }
  }

  static TransactionAuthenticator decode(BcsReader r) throws BcsException {
    return r.readVariant(VARIANTS) == 0
        ? new Ed25519(Ed25519PublicKey.decode(r), Ed25519Signature.decode(r))
        : new MultiEd25519(MultiEd25519PublicKey.decode(r), MultiEd25519Signature.decode(r));
  }
}
