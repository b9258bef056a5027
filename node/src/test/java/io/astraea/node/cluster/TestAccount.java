package io.astraea.node.cluster;

import io.astraea.crypto.AccountAddress;
import io.astraea.crypto.AuthenticationKey;
import io.astraea.crypto.Ed25519PrivateKey;
import io.astraea.ledger.types.ChainId;
import io.astraea.ledger.types.RawTransaction;
import io.astraea.ledger.types.SignedTransaction;
import io.astraea.ledger.types.TransactionPayload;
import java.security.SecureRandom;
import java.time.Instant;

/** A key and the account it controls; signs XUS-gas transactions at gas price 0. */
record TestAccount(Ed25519PrivateKey key, AccountAddress address) {
  static final String XUS = "XUS";
  private static final long MAX_GAS = 1_000_000;
  private static final long TTL_SECS = 600;

  static TestAccount generate(SecureRandom random) {
    return of(Ed25519PrivateKey.generate(random));
  }

  /** The account an Ed25519 key derives (its authentication key's last 16 bytes). */
  static TestAccount of(Ed25519PrivateKey key) {
    return new TestAccount(key, authKeyOf(key).derivedAddress());
  }

  /** For a system account whose address is not derived from its key (treasury compliance). */
  static TestAccount at(AccountAddress address, Ed25519PrivateKey key) {
    return new TestAccount(key, address);
  }

  AuthenticationKey authKey() {
    return authKeyOf(key);
  }

  private static AuthenticationKey authKeyOf(Ed25519PrivateKey key) {
    return AuthenticationKey.ed25519(key.publicKey());
  }

  SignedTransaction sign(long sequenceNumber, TransactionPayload payload) {
    return RawTransaction.builder()
        .sender(address)
        .sequenceNumber(sequenceNumber)
        .payload(payload)
        .maxGasAmount(MAX_GAS)
        .gasUnitPrice(0)
        .gasCurrencyCode(XUS)
        .expirationTimestampSecs(Instant.now().plusSeconds(TTL_SECS).getEpochSecond())
        .chainId(new ChainId(LocalCluster.CHAIN_ID))
        .build()
        .sign(key);
  }
}
