package io.astraea.bench.ledger;

import io.astraea.config.AssociationRootKey;
import io.astraea.config.GenesisAccount;
import io.astraea.config.GenesisCurrency;
import io.astraea.config.GenesisDescription;
import io.astraea.config.GenesisValidator;
import io.astraea.consensus.Action;
import io.astraea.consensus.RecoveryData;
import io.astraea.consensus.blocks.ExecutedBlock;
import io.astraea.consensus.types.Block;
import io.astraea.consensus.types.BlockData;
import io.astraea.consensus.types.BlockType;
import io.astraea.consensus.types.QuorumCert;
import io.astraea.consensus.types.VoteData;
import io.astraea.crypto.AccountAddress;
import io.astraea.crypto.AuthenticationKey;
import io.astraea.crypto.CryptoMaterialException;
import io.astraea.crypto.Ed25519PrivateKey;
import io.astraea.crypto.HashValue;
import io.astraea.crypto.Sha3;
import io.astraea.crypto.bcs.BcsWriter;
import io.astraea.crypto.quorum.BlockInfo;
import io.astraea.crypto.quorum.EpochState;
import io.astraea.crypto.quorum.LedgerInfo;
import io.astraea.crypto.quorum.LedgerInfoWithSignatures;
import io.astraea.ledger.storage.StorageException;
import io.astraea.ledger.types.Bytes;
import io.astraea.ledger.types.ChainId;
import io.astraea.ledger.types.Identifier;
import io.astraea.ledger.types.KeptVmStatus;
import io.astraea.ledger.types.ModuleId;
import io.astraea.ledger.types.RawTransaction;
import io.astraea.ledger.types.ScriptFunction;
import io.astraea.ledger.types.SignedTransaction;
import io.astraea.ledger.types.TransactionPayload;
import io.astraea.ledger.types.TypeTag;
import io.astraea.node.ledger.LedgerService;
import io.astraea.node.ledger.PayloadCodec;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;

/**
 * A one-validator test network with {@code accounts} funded testnet accounts, for benchmarks that
 * execute and commit transfer blocks the way the validator does. Accounts are funded in the
 * genesis transaction (testnet accounts of the genesis description), which is the quickest honest
 * way to reach a large funded state: the accounts go through the same genesis builder, tree and
 * storage commit as on a real test network.
 *
 * <p>Block {@code k} carries {@code blockSize} transfers from senders {@code k * blockSize} to
 * {@code (k + 1) * blockSize - 1} (modulo the account count, so every account sends in turn and
 * its sequence number is the number of full rounds before), each to a random other account.
 */
final class TransferNetwork {
  static final int CHAIN = 4;
  static final long START_USECS = 1_000_000_000L;
  static final long FUNDS = 1_000_000_000_000L;

  private final Ed25519PrivateKey validator = key(-1);
  private final List<Ed25519PrivateKey> keys;
  private final List<AccountAddress> addresses;
  private final int blockSize;
  private final Random random = new Random(42);
  private long clock = START_USECS;

  TransferNetwork(int accounts, int blockSize) {
    if (accounts < blockSize) {
      throw new IllegalArgumentException("need at least one block of distinct senders");
    }
    this.blockSize = blockSize;
    this.keys = new ArrayList<>(accounts);
    this.addresses = new ArrayList<>(accounts);
    for (int i = 0; i < accounts; i++) {
      Ed25519PrivateKey k = key(i);
      keys.add(k);
      addresses.add(AuthenticationKey.ed25519(k.publicKey()).derivedAddress());
    }
  }

  static Ed25519PrivateKey key(int i) {
    byte[] seed = Sha3.hash(BigInteger.valueOf(i).toByteArray()).toBytes();
    try {
      return Ed25519PrivateKey.fromSeed(seed);
    } catch (CryptoMaterialException e) {
      throw new IllegalStateException(e);
    }
  }

  GenesisDescription description() {
    List<GenesisAccount> funded = new ArrayList<>(keys.size());
    for (Ed25519PrivateKey k : keys) {
      funded.add(new GenesisAccount(AuthenticationKey.ed25519(k.publicKey()), "XUS", FUNDS));
    }
    GenesisValidator v = new GenesisValidator("v0", address(validator),
        Optional.of(AuthenticationKey.ed25519(validator.publicKey())), validator.publicKey(),
        key(-2).publicKey(), "127.0.0.1", 6180, 1);
    return new GenesisDescription(CHAIN, START_USECS,
        List.of(new GenesisCurrency("XUS", 1_000_000, 100)),
        new AssociationRootKey(List.of(key(-3).publicKey()), 1), key(-4).publicKey(), List.of(),
        List.of(v), funded);
  }

  private static AccountAddress address(Ed25519PrivateKey k) {
    return AuthenticationKey.ed25519(k.publicKey()).derivedAddress();
  }

  /** The signed transfers of block {@code index} (0-based). */
  List<SignedTransaction> transfers(long index) {
    int n = addresses.size();
    long first = index * blockSize;
    List<SignedTransaction> out = new ArrayList<>(blockSize);
    for (int i = 0; i < blockSize; i++) {
      long slot = first + i;
      int sender = (int) (slot % n);
      long seq = slot / n;
      int payee = random.nextInt(n - 1);
      if (payee >= sender) {
        payee++;
      }
      RawTransaction raw = RawTransaction.builder().sender(addresses.get(sender)).sequenceNumber(seq)
          .payload(p2p(addresses.get(payee), 1 + random.nextInt(1_000))).maxGasAmount(1_000_000)
          .gasUnitPrice(1).gasCurrencyCode("XUS").expirationTimestampSecs(Long.MAX_VALUE)
          .chainId(new ChainId(CHAIN)).build();
      out.add(raw.sign(keys.get(sender)));
    }
    return out;
  }

  private static TransactionPayload p2p(AccountAddress payee, long amount) {
    List<Bytes> args = List.of(
        Bytes.of(new BcsWriter().write(payee).toByteArray()),
        Bytes.of(new BcsWriter().writeU64(amount).toByteArray()),
        Bytes.of(new BcsWriter().writeBytes(new byte[0]).toByteArray()),
        Bytes.of(new BcsWriter().writeBytes(new byte[0]).toByteArray()));
    return TransactionPayload.scriptFunction(new ScriptFunction(ModuleId.core("PaymentScripts"),
        new Identifier("peer_to_peer_with_metadata"), List.of(TypeTag.currency("XUS")), args));
  }

  /** The validator's signed proposal of {@code txns} on top of {@code parent}, one second later. */
  Block proposal(BlockInfo parent, long round, List<SignedTransaction> txns) {
    clock += 1_000_000;
    BlockData data = new BlockData(parent.epoch(), round, clock, certify(parent),
        new BlockType.Proposal(PayloadCodec.encode(txns), address(validator)));
    return new Block(data, Optional.of(validator.sign(data.signingMessage())));
  }

  private QuorumCert certify(BlockInfo certified) {
    VoteData vd = new VoteData(certified, certified);
    LedgerInfo li = new LedgerInfo(QuorumCert.EMPTY_COMMIT_INFO, vd.hash());
    return new QuorumCert(vd, sign(li));
  }

  private LedgerInfoWithSignatures sign(LedgerInfo li) {
    return LedgerInfoWithSignatures.of(li, Map.of(address(validator), validator.sign(li.signingMessage())));
  }

  /**
   * The commit consensus emits for one executed block. The proof and the certificates carry no
   * signatures (storage does not check them, and signing is consensus's cost, not the ledger's).
   */
  static Action.Commit commit(EpochState epoch, ExecutedBlock block) {
    LedgerInfoWithSignatures proof = LedgerInfoWithSignatures.of(new LedgerInfo(block.info(), HashValue.ZERO), Map.of());
    VoteData vd = new VoteData(block.info(), block.info());
    QuorumCert qc = new QuorumCert(vd, LedgerInfoWithSignatures.of(new LedgerInfo(QuorumCert.EMPTY_COMMIT_INFO, vd.hash()), Map.of()));
    return new Action.Commit(List.of(block), proof, new RecoveryData(epoch, block, qc, qc));
  }

  /** Throws unless every transaction at versions {@code from..to} executed (none aborted). */
  static void requireExecuted(LedgerService ledger, long from, long to) throws StorageException {
    for (long v = from; v <= to; v++) {
      KeptVmStatus status = ledger.store().transactionInfo(v).status();
      if (!(status instanceof KeptVmStatus.Executed)) {
        throw new IllegalStateException("transaction at version " + v + " did not execute: " + status);
      }
    }
  }

  /** Deletes a benchmark's temporary ledger directory. */
  static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
