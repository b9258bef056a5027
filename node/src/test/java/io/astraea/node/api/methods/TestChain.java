package io.astraea.node.api.methods;

import io.astraea.config.AssociationRootKey;
import io.astraea.config.GenesisAccount;
import io.astraea.config.GenesisCurrency;
import io.astraea.config.GenesisDealer;
import io.astraea.config.GenesisDescription;
import io.astraea.config.GenesisValidator;
import io.astraea.crypto.AccountAddress;
import io.astraea.crypto.AuthenticationKey;
import io.astraea.crypto.Ed25519PrivateKey;
import io.astraea.crypto.HashValue;
import io.astraea.crypto.quorum.BlockInfo;
import io.astraea.crypto.quorum.LedgerInfo;
import io.astraea.crypto.quorum.LedgerInfoWithSignatures;
import io.astraea.ledger.accumulator.InMemoryAccumulator;
import io.astraea.ledger.execution.BlockExecutor;
import io.astraea.ledger.execution.BlockOutput;
import io.astraea.ledger.execution.ExecutorConfig;
import io.astraea.ledger.execution.TransactionOutput;
import io.astraea.ledger.genesis.Genesis;
import io.astraea.ledger.genesis.GenesisBuilder;
import io.astraea.ledger.state.StateView;
import io.astraea.ledger.storage.BlockCommit;
import io.astraea.ledger.storage.LedgerStore;
import io.astraea.ledger.storage.StorageException;
import io.astraea.ledger.types.BlockMetadata;
import io.astraea.ledger.types.ChainId;
import io.astraea.ledger.types.RawTransaction;
import io.astraea.ledger.types.SignedTransaction;
import io.astraea.ledger.types.Transaction;
import io.astraea.ledger.types.TransactionPayload;
import io.astraea.ledger.types.TransactionStatus;
import io.astraea.node.TestKeys;
import io.astraea.node.ledger.ExecutedChunk;
import io.astraea.node.mempool.MempoolRejection;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A real ledger for API tests: a RocksDB {@link LedgerStore} in a temp directory holding a genesis
 * (treasury compliance, one dealer, one validator, three funded users) and blocks executed by the
 * ledger's {@link BlockExecutor} over the committed state, one block per call. A
 * {@link #submitter()} executes each submitted transaction in its own block, and refuses it the
 * way a mempool would when execution discards it.
 */
public final class TestChain implements AutoCloseable {
  public static final int CHAIN = 4;
  public static final long START_USECS = 1_700_000_000_000_000L;
  public static final long FUNDS = 1_000_000_000L;

  public final Ed25519PrivateKey root = key(1);
  public final Ed25519PrivateKey treasury = key(2);
  public final Ed25519PrivateKey dealer = key(3);
  public final Ed25519PrivateKey validator = key(4);
  public final List<Ed25519PrivateKey> users = List.of(key(10), key(11), key(12));

  public final LedgerStore store;
  /** The genesis description the chain started from (its one validator signs {@link #certify}). */
  public final GenesisDescription description;
  private final BlockExecutor executor = new BlockExecutor(ExecutorConfig.standard());
  private long clock = START_USECS;
  private long round;

  public TestChain(Path dir) throws Exception {
    List<GenesisAccount> funded = new ArrayList<>();
    for (Ed25519PrivateKey u : users) {
      funded.add(new GenesisAccount(authKey(u), "XUS", FUNDS));
    }
    GenesisDescription d = new GenesisDescription(
        CHAIN, START_USECS,
        List.of(new GenesisCurrency("XUS", 1_000_000, 100), new GenesisCurrency("XDX", 1_000_000, 1_000)),
        new AssociationRootKey(List.of(root.publicKey()), 1), treasury.publicKey(),
        List.of(new GenesisDealer("dealer", address(dealer), authKey(dealer))),
        List.of(new GenesisValidator("v0", address(validator), Optional.of(authKey(validator)),
            validator.publicKey(), key(5).publicKey(), "127.0.0.1", 6180, 1)),
        funded);
    this.description = d;
    Genesis genesis = GenesisBuilder.build(d);
    store = LedgerStore.open(dir);
    commit(List.of(genesis.transaction()), List.of(genesis.output()));
  }

  public static Ed25519PrivateKey key(int index) {
    return TestKeys.key(index);
  }

  public static AuthenticationKey authKey(Ed25519PrivateKey k) {
    return AuthenticationKey.ed25519(k.publicKey());
  }

  public static AccountAddress address(Ed25519PrivateKey k) {
    return authKey(k).derivedAddress();
  }

  public AccountAddress user(int i) {
    return address(users.get(i));
  }

  /** A signed transaction from {@code key}'s account with the given sequence number. */
  public SignedTransaction txn(Ed25519PrivateKey key, AccountAddress sender, long seq, TransactionPayload payload) {
    return RawTransaction.builder()
        .sender(sender)
        .sequenceNumber(seq)
        .payload(payload)
        .maxGasAmount(1_000_000)
        .gasUnitPrice(0)
        .gasCurrencyCode("XUS")
        .expirationTimestampSecs(START_USECS / 1_000_000 + 1_000_000)
        .chainId(new ChainId(CHAIN))
        .build()
        .sign(key);
  }

  /** Executes one block over the committed state and commits its kept transactions. */
  public synchronized BlockOutput block(List<SignedTransaction> txns) throws Exception {
    clock += 1_000_000;
    round++;
    BlockMetadata meta = new BlockMetadata(HashValue.sha3Of(new byte[] {(byte) round, (byte) (round >> 8)}), round,
        clock, List.of(), address(validator));
    BlockOutput out = executor.executeBlock(view(), meta, txns);
    List<Transaction> all = new ArrayList<>();
    all.add(new Transaction.BlockMetadataTransaction(meta));
    txns.forEach(t -> all.add(new Transaction.UserTransaction(t)));
    commit(all, out.outputs());
    return out;
  }

  /** Stores a ledger info certifying the latest version, signed by the one validator, as a commit would. */
  public LedgerInfoWithSignatures certify() throws Exception {
    long v = store.latestVersion();
    long epoch = new LedgerReader(store).system(v).epoch();
    BlockInfo info = new BlockInfo(epoch, round, HashValue.sha3Of(new byte[] {(byte) v}), store.accumulatorRoot(v), v,
        clock, Optional.empty());
    LedgerInfo ledgerInfo = new LedgerInfo(info, HashValue.ZERO);
    LedgerInfoWithSignatures li = LedgerInfoWithSignatures.of(ledgerInfo,
        Map.of(address(validator), validator.sign(ledgerInfo.signingMessage())));
    store.commitLedgerInfo(li);
    return li;
  }

  /** Executes each submitted transaction at once in its own block; a discard becomes a refusal. */
  public io.astraea.node.api.methods.TransactionSubmitter submitter() {
    return txn -> {
      TransactionOutput out;
      try {
        out = block(List.of(txn)).outputs().get(1);
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
      if (out.status() instanceof TransactionStatus.Discard d) {
        throw MempoolRejection.validation(d.code());
      }
    };
  }

  private StateView view() {
    long v = store.latestVersion();
    return key -> {
      try {
        return store.stateValue(key, v);
      } catch (StorageException e) {
        throw new IllegalStateException(e);
      }
    };
  }

  /** Commits like the node: kept transactions, their infos and the tree checkpoint, built by {@link ExecutedChunk}. */
  private void commit(List<Transaction> txns, List<TransactionOutput> outputs) throws Exception {
    long base = store.latestVersion();
    InMemoryAccumulator accumulator = base < 0
        ? InMemoryAccumulator.transactions()
        : InMemoryAccumulator.transactions(store.frozenSubtreeRoots(base), base + 1);
    ExecutedChunk chunk = ExecutedChunk.build(store.stateTree(), base, accumulator, txns, outputs);
    if (chunk.transactions().isEmpty()) {
      return;
    }
    store.commit(new BlockCommit(chunk.firstVersion(), chunk.transactions(), chunk.stateUpdate().orElseThrow(),
        Optional.empty()));
  }

  @Override
  public void close() {
    store.close();
  }
}
