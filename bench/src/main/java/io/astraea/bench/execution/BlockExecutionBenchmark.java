package io.astraea.bench.execution;

import io.astraea.config.AssociationRootKey;
import io.astraea.config.GenesisCurrency;
import io.astraea.config.GenesisDescription;
import io.astraea.config.GenesisValidator;
import io.astraea.crypto.AccountAddress;
import io.astraea.crypto.AuthenticationKey;
import io.astraea.crypto.CryptoMaterialException;
import io.astraea.crypto.Ed25519PrivateKey;
import io.astraea.crypto.HashValue;
import io.astraea.crypto.Sha3;
import io.astraea.crypto.bcs.BcsWriter;
import io.astraea.ledger.execution.BlockExecutor;
import io.astraea.ledger.execution.BlockOutput;
import io.astraea.ledger.execution.ExecutorConfig;
import io.astraea.ledger.genesis.Genesis;
import io.astraea.ledger.genesis.GenesisBuilder;
import io.astraea.ledger.state.AccountRole;
import io.astraea.ledger.state.AccountState;
import io.astraea.ledger.state.CurrencyInfo;
import io.astraea.ledger.state.InMemoryState;
import io.astraea.ledger.state.StateKeys;
import io.astraea.ledger.state.SystemState;
import io.astraea.ledger.types.BlockMetadata;
import io.astraea.ledger.types.Bytes;
import io.astraea.ledger.types.ChainId;
import io.astraea.ledger.types.Identifier;
import io.astraea.ledger.types.ModuleId;
import io.astraea.ledger.types.RawTransaction;
import io.astraea.ledger.types.ScriptFunction;
import io.astraea.ledger.types.SignedTransaction;
import io.astraea.ledger.types.TransactionPayload;
import io.astraea.ledger.types.TypeTag;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Executes a block of 1,000 {@code peer_to_peer_with_metadata<XUS>} transfers (1,000 distinct
 * senders, payees drawn from every account) over an in-memory state of {@code accounts} funded
 * accounts, with and without signature checks. The score is transfers per second. Execution only:
 * the block's writes are not applied, so every invocation runs the same block on the same state.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class BlockExecutionBenchmark {
  static final int BLOCK = 1_000;
  static final int CHAIN = 4;
  static final long FUNDS = 1_000_000_000L;

  @Param({"100000"})
  public int accounts;

  private InMemoryState state;
  private BlockMetadata metadata;
  private List<SignedTransaction> block;
  private BlockExecutor withSignatures;
  private BlockExecutor withoutSignatures;

  private static Ed25519PrivateKey key(int i) {
    byte[] seed = Sha3.hash(BigInteger.valueOf(i).toByteArray()).toBytes();
    try {
      return Ed25519PrivateKey.fromSeed(seed);
    } catch (CryptoMaterialException e) {
      throw new IllegalStateException(e);
    }
  }

  @Setup(Level.Trial)
  public void setUp() throws Exception {
    Ed25519PrivateKey validator = key(-1);
    GenesisDescription d = new GenesisDescription(CHAIN, 1_000_000L,
        List.of(new GenesisCurrency("XUS", 1_000_000, 100)),
        new AssociationRootKey(List.of(key(-2).publicKey()), 1), key(-3).publicKey(), List.of(),
        List.of(new GenesisValidator("v0", AuthenticationKey.ed25519(validator.publicKey()).derivedAddress(),
            Optional.empty(), validator.publicKey(), key(-4).publicKey(), "127.0.0.1", 6180, 1)),
        List.of());
    Genesis genesis = GenesisBuilder.build(d);
    state = genesis.toState();

    List<Ed25519PrivateKey> senders = new ArrayList<>();
    List<AccountAddress> addresses = new ArrayList<>();
    for (int i = 0; i < accounts; i++) {
      Bytes authKey;
      AccountAddress address;
      if (i < BLOCK) {
        Ed25519PrivateKey k = key(i);
        senders.add(k);
        AuthenticationKey a = AuthenticationKey.ed25519(k.publicKey());
        authKey = Bytes.of(a.toBytes());
        address = a.derivedAddress();
      } else {
        byte[] h = Sha3.hash(BigInteger.valueOf(i).toByteArray()).toBytes();
        authKey = Bytes.of(h);
        address = AccountAddress.fromBytes(java.util.Arrays.copyOfRange(h, 16, 32));
      }
      addresses.add(address);
      AccountState s = AccountState.newAccount(address, authKey, new AccountRole.ParentVasp(Bytes.EMPTY, 0))
          .balance("XUS", FUNDS).build();
      state.put(StateKeys.accountKey(address), s.toBcs());
    }
    SystemState sys = SystemState.fromBcs(state.getAccountBlob(StateKeys.SYSTEM).orElseThrow());
    CurrencyInfo xus = sys.currency("XUS").orElseThrow();
    sys = sys.withCurrency(xus.withValues(
        BigInteger.valueOf(FUNDS).multiply(BigInteger.valueOf(accounts)), xus.preburnValue()));
    state.put(StateKeys.accountKey(StateKeys.SYSTEM), sys.toBcs());

    Random random = new Random(42);
    block = new ArrayList<>(BLOCK);
    for (int i = 0; i < BLOCK; i++) {
      AccountAddress sender = addresses.get(i);
      AccountAddress payee = addresses.get(random.nextInt(accounts));
      RawTransaction raw = RawTransaction.builder().sender(sender).sequenceNumber(0)
          .payload(p2p(payee, 1 + random.nextInt(1_000))).maxGasAmount(1_000_000).gasUnitPrice(1)
          .gasCurrencyCode("XUS").expirationTimestampSecs(Long.MAX_VALUE).chainId(new ChainId(CHAIN)).build();
      block.add(raw.sign(senders.get(i)));
    }
    metadata = new BlockMetadata(HashValue.ZERO, 1, 2_000_000L, List.of(),
        AuthenticationKey.ed25519(validator.publicKey()).derivedAddress());
    withSignatures = new BlockExecutor(ExecutorConfig.standard());
    withoutSignatures = new BlockExecutor(ExecutorConfig.standard().withoutSignatureChecks());
    BlockOutput check = withSignatures.executeBlock(state, metadata, block);
    long executed = check.outputs().stream().filter(o -> !o.isDiscarded()).count();
    if (executed != BLOCK + 1) {
      throw new IllegalStateException("only " + executed + " of the block's transactions executed");
    }
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

  @Benchmark
  @OperationsPerInvocation(BLOCK)
  public BlockOutput transfersWithSignatureChecks() throws Exception {
    return withSignatures.executeBlock(state, metadata, block);
  }

  @Benchmark
  @OperationsPerInvocation(BLOCK)
  public BlockOutput transfersWithoutSignatureChecks() throws Exception {
    return withoutSignatures.executeBlock(state, metadata, block);
  }
}
