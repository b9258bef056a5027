package io.astraea.ledger.types;

import io.astraea.crypto.AccountAddress;
import io.astraea.crypto.AuthenticationKey;
import io.astraea.crypto.HashValue;
import io.astraea.crypto.bcs.BcsEncodable;
import io.astraea.crypto.bcs.BcsException;
import io.astraea.crypto.bcs.BcsReader;
import io.astraea.crypto.bcs.BcsWriter;
import java.util.Objects;

/**
 * A raw transaction with the authenticator that signs it: what clients submit. Decoding does not
 * check the signature; {@link #checkSignature()} does, and returns a value rather than throwing,
 * because bad signatures are expected input.
 */
public record SignedTransaction(RawTransaction rawTxn, TransactionAuthenticator authenticator)
    implements BcsEncodable {

  public SignedTransaction {
    Objects.requireNonNull(rawTxn, "rawTxn");
    Objects.requireNonNull(authenticator, "authenticator");
  }

  public static SignedTransaction decode(BcsReader r) throws BcsException {
    return new SignedTransaction(RawTransaction.decode(r), TransactionAuthenticator.decode(r));
  }

  /** Decodes exactly one signed transaction; trailing bytes are an error. */
  public static SignedTransaction fromBcs(byte[] bytes) throws BcsException {
    return BcsReader.decode(bytes, SignedTransaction::decode);
  }

  @Override
  public void serialize(BcsWriter w) {
    w.write(rawTxn).write(authenticator);
  }

  /** Verifies the authenticator's signature over the raw transaction's signing message. */
  public SignatureCheck checkSignature() {
    return authenticator.verify(rawTxn.signingMessage());
  }

  /** The authentication key the sender's account must hold for this transaction to be valid. */
  public AuthenticationKey authenticationKey() {
    return authenticator.authenticationKey();
  }

  /**
   * The transaction hash clients look transactions up by: {@code DIEM::Transaction} over this
   * transaction wrapped as {@code Transaction::UserTransaction}.
   */
  public HashValue hash() {
    return new Transaction.UserTransaction(this).hash();
  }

  public AccountAddress sender() {
    return rawTxn.sender();
  }

  public long sequenceNumber() {
    return rawTxn.sequenceNumber();
  }

  public TransactionPayload payload() {
    return rawTxn.payload();
  }
}
