package io.astraea.ledger.execution;

import io.astraea.config.AssociationRootKey;
import io.astraea.config.GenesisAccount;
import io.astraea.config.GenesisCurrency;
import io.astraea.config.GenesisDealer;
import io.astraea.config.GenesisDescription;
import io.astraea.config.GenesisValidator;
import io.astraea.crypto.AccountAddress;
import io.astraea.crypto.Ed25519PrivateKey;
import io.astraea.crypto.Ed25519Signature;
import io.astraea.crypto.HashValue;
import io.astraea.crypto.CryptoMaterialException;
import io.astraea.crypto.bcs.BcsException;
import io.astraea.ledger.genesis.Genesis;
import io.astraea.ledger.genesis.GenesisBuilder;
import io.astraea.ledger.genesis.GenesisException;
import io.astraea.ledger.state.AccountState;
import io.astraea.ledger.state.CurrencyInfo;
import io.astraea.ledger.state.InMemoryState;
import io.astraea.ledger.state.StateKeys;
import io.astraea.ledger.state.SystemState;
import io.astraea.ledger.types.BlockMetadata;
import io.astraea.ledger.types.ChainId;
import io.astraea.ledger.types.RawTransaction;
import io.astraea.ledger.types.SignedTransaction;
import io.astraea.ledger.types.TransactionAuthenticator;
import io.astraea.ledger.types.TransactionPayload;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A small network for executor tests: genesis from a description built in code (association
 * root, treasury compliance, one dealer, two validators, three funded testnet accounts), an
 * in-memory state, and blocks that advance the clock by one second each.
 */
final class TestLedger {
  static final int CHAIN = 4;
  static final long START_USECS = 1_000_000_000L;
  static final long FUNDS = 1_000_000_000L;

  final Ed25519PrivateKey root = Keys.key(1);
  final Ed25519PrivateKey tc = Keys.key(2);
  final Ed25519PrivateKey dealer = Keys.key(3);
  final Ed25519PrivateKey validator0 = Keys.key(4);
  final Ed25519PrivateKey validator1 = Keys.key(5);
  final List<Ed25519PrivateKey> users = List.of(Keys.key(10), Keys.key(11), Keys.key(12));

  final Genesis genesis;
  final InMemoryState state;
  private final BlockExecutor executor;
  private final boolean verifySignatures;
  private long clock = START_USECS;
  private long round;
  private final Map<AccountAddress, Ed25519PrivateKey> signers = new java.util.TreeMap<>();

  TestLedger() {
    this(ExecutorConfig.standard());
  }

  TestLedger(ExecutorConfig config) {
    this(config, new AssociationRootKey(List.of(Keys.key(1).publicKey()), 1));
  }

  TestLedger(ExecutorConfig config, AssociationRootKey rootKey) {
    List<GenesisAccount> funded = new ArrayList<>();
    for (Ed25519PrivateKey u : users) {
      funded.add(new GenesisAccount(Keys.authKey(u), "XUS", FUNDS));
    }
    GenesisDescription d = new GenesisDescription(
        CHAIN, START_USECS,
        List.of(new GenesisCurrency("XUS", 1_000_000, 100), new GenesisCurrency("XDX", 1_000_000, 1_000)),
        rootKey, tc.publicKey(),
        List.of(new GenesisDealer("dealer", Keys.address(dealer), Keys.authKey(dealer))),
        List.of(validator("v0", validator0, 5000), validator("v1", validator1, 5001)),
        funded);
    genesis = GENESES.computeIfAbsent(d, TestLedger::build);
    state = genesis.toState();
    executor = new BlockExecutor(config);
    verifySignatures = config.verifySignatures();
    signers.put(StateKeys.TREASURY_COMPLIANCE, tc);
    signers.put(StateKeys.ASSOCIATION_ROOT, root);
    for (Ed25519PrivateKey k : List.of(dealer, validator0, validator1)) {
      signers.put(Keys.address(k), k);
    }
    users.forEach(u -> signers.put(Keys.address(u), u));
  }

  /** Genesis depends only on the description; built once per description and test JVM. */
  private static final Map<GenesisDescription, Genesis> GENESES = new java.util.concurrent.ConcurrentHashMap<>();

  private static Genesis build(GenesisDescription d) {
    try {
      return GenesisBuilder.build(d);
    } catch (GenesisException e) {
      throw new IllegalStateException(e);
    }
  }

  private static GenesisValidator validator(String name, Ed25519PrivateKey k, int port) {
    return new GenesisValidator(name, Keys.address(k), Optional.of(Keys.authKey(k)), k.publicKey(),
        Keys.key(100 + port % 100).publicKey(), "127.0.0.1", port, 1);
  }

  AccountAddress user(int i) {
    return Keys.address(users.get(i));
  }

  AccountAddress dealerAddress() {
    return Keys.address(dealer);
  }

  void addSigner(Ed25519PrivateKey k) {
    signers.put(Keys.address(k), k);
  }

  AccountState account(AccountAddress a) {
    try {
      return AccountState.fromBcs(state.getAccountBlob(a).orElseThrow());
    } catch (BcsException e) {
      throw new IllegalStateException(e);
    }
  }

  boolean exists(AccountAddress a) {
    return state.getAccountBlob(a).isPresent();
  }

  SystemState system() {
    try {
      return SystemState.fromBcs(state.getAccountBlob(StateKeys.SYSTEM).orElseThrow());
    } catch (BcsException e) {
      throw new IllegalStateException(e);
    }
  }

  long seq(AccountAddress a) {
    return account(a).sequenceNumber();
  }

  RawTransaction.Builder raw(AccountAddress sender, TransactionPayload payload) {
    return RawTransaction.builder()
        .sender(sender)
        .sequenceNumber(exists(sender) ? seq(sender) : 0)
        .payload(payload)
        .maxGasAmount(1_000_000)
        .gasUnitPrice(0)
        .gasCurrencyCode("XUS")
        .expirationTimestampSecs(START_USECS / 1_000_000 + 1_000_000)
        .chainId(new ChainId(CHAIN));
  }

  SignedTransaction sign(RawTransaction raw) {
    return raw.sign(signers.get(raw.sender()));
  }

  /** A transaction signed by the sender's registered key, with the current sequence number. */
  SignedTransaction txn(AccountAddress sender, TransactionPayload payload) {
    return sign(raw(sender, payload).build());
  }

  /** Same, with an all-zero signature: for runs without signature checks. */
  SignedTransaction unsigned(RawTransaction raw) {
    try {
      return new SignedTransaction(raw, new TransactionAuthenticator.Ed25519(
          signers.get(raw.sender()).publicKey(), Ed25519Signature.fromBytes(new byte[64])));
    } catch (CryptoMaterialException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Signed when the executor checks signatures, zero-signed otherwise (cheap bulk blocks). */
  SignedTransaction unsignedOrSigned(RawTransaction raw) {
    return verifySignatures ? sign(raw) : unsigned(raw);
  }

  BlockMetadata nextMetadata() {
    clock += 1_000_000;
    round++;
    return new BlockMetadata(HashValue.sha3Of(new byte[] {(byte) round}), round, clock, List.of(),
        Keys.address(validator0));
  }

  /** Executes one block and applies its writes; returns every output (metadata first). */
  BlockOutput block(List<SignedTransaction> txns) {
    try {
      BlockOutput out = executor.executeBlock(state, nextMetadata(), txns);
      out.outputs().forEach(o -> state.apply(o.writeSet()));
      return out;
    } catch (ExecutionException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Executes a single user transaction in its own block and returns its output. */
  TransactionOutput run(SignedTransaction txn) {
    return block(List.of(txn)).outputs().get(1);
  }

  /** Executes one transaction in a block over the current state without applying any write. */
  TransactionOutput executorOutputWithoutApplying(SignedTransaction txn) {
    try {
      return executor.executeBlock(state, peekMetadata(), List.of(txn)).outputs().get(1);
    } catch (ExecutionException e) {
      throw new IllegalStateException(e);
    }
  }

  private BlockMetadata peekMetadata() {
    return new BlockMetadata(HashValue.ZERO, round + 1, clock + 1_000_000, List.of(), Keys.address(validator0));
  }

  BlockExecutor executor() {
    return executor;
  }

  /** Fails unless each currency's total equals the sum of balances plus preburns. */
  void checkSupply() {
    SystemState s = system();
    Map<String, BigInteger> sums = new java.util.TreeMap<>();
    Map<String, BigInteger> preburns = new java.util.TreeMap<>();
    for (Map.Entry<HashValue, byte[]> e : state.entries().entrySet()) {
      if (e.getKey().equals(StateKeys.accountKey(StateKeys.SYSTEM))) {
        continue;
      }
      AccountState a;
      try {
        a = AccountState.fromBcs(e.getValue());
      } catch (BcsException ex) {
        throw new AssertionError(ex);
      }
      a.balances().forEach((c, v) -> sums.merge(c, new BigInteger(Long.toUnsignedString(v)), BigInteger::add));
      a.preburns().forEach((c, q) -> q.forEach(v -> {
        sums.merge(c, new BigInteger(Long.toUnsignedString(v)), BigInteger::add);
        preburns.merge(c, new BigInteger(Long.toUnsignedString(v)), BigInteger::add);
      }));
    }
    for (CurrencyInfo c : s.currencies().values()) {
      BigInteger sum = sums.getOrDefault(c.code(), BigInteger.ZERO);
      if (!sum.equals(c.totalValue())) {
        throw new AssertionError(c.code() + ": total " + c.totalValue() + " != balances+preburns " + sum);
      }
      BigInteger pb = preburns.getOrDefault(c.code(), BigInteger.ZERO);
      if (!pb.equals(new BigInteger(Long.toUnsignedString(c.preburnValue())))) {
        throw new AssertionError(c.code() + ": preburn value " + c.preburnValue() + " != " + pb);
      }
    }
  }
}
