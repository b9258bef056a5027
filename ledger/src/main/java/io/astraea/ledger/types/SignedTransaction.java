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
 *
 * <p>Immutable. Its BCS bytes and hash are computed once: a transaction is hashed on admission,
 * by execution, by the transaction info and by the commit, and encoded for broadcast, proposal
 * and storage.
 */
public final class SignedTransaction implements BcsEncodable {
  private final RawTransaction rawTxn;
  private final TransactionAuthenticator authenticator;
  /** Volatile: the lazily computed values are shared by the threads that handle a transaction. */
  private volatile byte[] bcs;
  private volatile HashValue hash;

  public SignedTransaction(RawTransaction rawTxn, TransactionAuthenticator authenticator) {
    this.rawTxn = Objects.requireNonNull(rawTxn, "rawTxn");
    this.authenticator = Objects.requireNonNull(authenticator, "authenticator");
  }

  public RawTransaction rawTxn() {
    return rawTxn;
  }

  public TransactionAuthenticator authenticator() {
    return authenticator;
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
    w.writeFixedBytes(encoded());
  }

  @Override
  public byte[] toBcs() {
    return encoded().clone();
  }

  private byte[] encoded() {
    byte[] b = bcs;
    if (b == null) {
      b = new BcsWriter().write(rawTxn).write(authenticator).toByteArray();
      bcs = b;
    }
    return b;
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
    HashValue h = hash;
    if (h == null) {
      byte[] body = encoded();
      byte[] wrapped = new byte[body.length + 1];
      wrapped[0] = 0; // Transaction::UserTransaction
      System.arraycopy(body, 0, wrapped, 1, body.length);
      h = Transaction.HASHER.hash(wrapped);
      hash = h;
    }
    return h;
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

  @Override
  public boolean equals(Object o) {
    return o instanceof SignedTransaction t && t.rawTxn.equals(rawTxn) && t.authenticator.equals(authenticator);
  }

  @Override
  public int hashCode() {
    return 31 * rawTxn.hashCode() + authenticator.hashCode();
  }

  @Override
  public String toString() {
    return "SignedTransaction[rawTxn=" + rawTxn + ", authenticator=" + authenticator + "]";
  }
}
