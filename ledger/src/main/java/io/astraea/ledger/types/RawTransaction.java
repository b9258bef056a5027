package io.astraea.ledger.types;

import io.astraea.crypto.AccountAddress;
import io.astraea.crypto.CryptoHasher;
import io.astraea.crypto.Ed25519PrivateKey;
import io.astraea.crypto.HashValue;
import io.astraea.crypto.MultiEd25519PrivateKey;
import io.astraea.crypto.bcs.BcsEncodable;
import io.astraea.crypto.bcs.BcsException;
import io.astraea.crypto.bcs.BcsReader;
import io.astraea.crypto.bcs.BcsWriter;
import java.util.Objects;

/**
 * The part of a transaction its sender signs. Fields in Diem's order: sender, sequence_number,
 * payload, max_gas_amount, gas_unit_price, gas_currency_code, expiration_timestamp_secs, chain_id.
 * u64 fields are held in {@code long}s with the same bits. The signature covers
 * {@code sha3_256("DIEM::RawTransaction") || bcs(raw)}.
 */
public record RawTransaction(
    AccountAddress sender,
    long sequenceNumber,
    TransactionPayload payload,
    long maxGasAmount,
    long gasUnitPrice,
    String gasCurrencyCode,
    long expirationTimestampSecs,
    ChainId chainId)
    implements BcsEncodable {

  public static final CryptoHasher HASHER = CryptoHasher.forType("RawTransaction");

  public RawTransaction {
    Objects.requireNonNull(sender, "sender");
    Objects.requireNonNull(payload, "payload");
    Objects.requireNonNull(gasCurrencyCode, "gasCurrencyCode");
    Objects.requireNonNull(chainId, "chainId");
  }

  public static Builder builder() {
    return new Builder();
  }

  public static RawTransaction decode(BcsReader r) throws BcsException {
    return new RawTransaction(
        AccountAddress.decode(r),
        r.readU64(),
        TransactionPayload.decode(r),
        r.readU64(),
        r.readU64(),
        r.readString(),
        r.readU64(),
        ChainId.decode(r));
  }

  public static RawTransaction fromBcs(byte[] bytes) throws BcsException {
    return BcsReader.decode(bytes, RawTransaction::decode);
  }

  @Override
  public void serialize(BcsWriter w) {
    w.write(sender).writeU64(sequenceNumber).write(payload).writeU64(maxGasAmount);
    w.writeU64(gasUnitPrice).writeString(gasCurrencyCode).writeU64(expirationTimestampSecs);
    w.write(chainId);
  }

  /** The bytes a signature covers: {@code sha3_256("DIEM::RawTransaction") || bcs(this)}. */
  public byte[] signingMessage() {
    return HASHER.signingMessage(toBcs());
  }

  /** {@code DIEM::RawTransaction} hash of this transaction. */
  public HashValue hash() {
    return HASHER.hash(toBcs());
  }

  /** Signs with a single Ed25519 key. */
  public SignedTransaction sign(Ed25519PrivateKey key) {
    return new SignedTransaction(
        this,
        new TransactionAuthenticator.Ed25519(key.publicKey(), key.sign(signingMessage())));
  }

  /** Signs with the first {@code threshold} keys of a k-of-n MultiEd25519 key. */
  public SignedTransaction sign(MultiEd25519PrivateKey key) {
    return new SignedTransaction(
        this,
        new TransactionAuthenticator.MultiEd25519(key.publicKey(), key.sign(signingMessage())));
  }

  /** Builds a {@link RawTransaction}; gas currency defaults to XUS, expiration to never. */
  public static final class Builder {
    private AccountAddress sender;
    private long sequenceNumber;
    private TransactionPayload payload;
    private long maxGasAmount = 1_000_000;
    private long gasUnitPrice;
    private String gasCurrencyCode = "XUS";
    private long expirationTimestampSecs = Long.MAX_VALUE;
    private ChainId chainId;

    private Builder() {}

    public Builder sender(AccountAddress v) {
      sender = v;
      return this;
    }

    public Builder sequenceNumber(long v) {
      sequenceNumber = v;
      return this;
    }

    public Builder payload(TransactionPayload v) {
      payload = v;
      return this;
    }

    public Builder script(Script v) {
      return payload(new TransactionPayload.OfScript(v));
    }

    public Builder scriptFunction(ScriptFunction v) {
      return payload(new TransactionPayload.OfScriptFunction(v));
    }

    public Builder maxGasAmount(long v) {
      maxGasAmount = v;
      return this;
    }

    public Builder gasUnitPrice(long v) {
      gasUnitPrice = v;
      return this;
    }

    public Builder gasCurrencyCode(String v) {
      gasCurrencyCode = v;
      return this;
    }

    public Builder expirationTimestampSecs(long v) {
      expirationTimestampSecs = v;
      return this;
    }

    public Builder chainId(ChainId v) {
      chainId = v;
      return this;
    }

    public RawTransaction build() {
      return new RawTransaction(
          sender,
          sequenceNumber,
          payload,
          maxGasAmount,
          gasUnitPrice,
          gasCurrencyCode,
          expirationTimestampSecs,
          chainId);
    }
  }
}
