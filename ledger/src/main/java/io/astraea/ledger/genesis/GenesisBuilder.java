package io.astraea.ledger.genesis;

import io.astraea.config.GenesisAccount;
import io.astraea.config.GenesisCurrency;
import io.astraea.config.GenesisDealer;
import io.astraea.config.GenesisDescription;
import io.astraea.config.GenesisValidator;
import io.astraea.crypto.AccountAddress;
import io.astraea.crypto.AuthenticationKey;
import io.astraea.crypto.bcs.BcsWriter;
import io.astraea.ledger.execution.TransactionOutput;
import io.astraea.ledger.state.AccountRole;
import io.astraea.ledger.state.AccountState;
import io.astraea.ledger.state.CurrencyInfo;
import io.astraea.ledger.state.EventHandle;
import io.astraea.ledger.state.SlidingNonce;
import io.astraea.ledger.state.StateKeys;
import io.astraea.ledger.state.StateWriteSet;
import io.astraea.ledger.state.SystemState;
import io.astraea.ledger.types.AccessPath;
import io.astraea.ledger.types.Bytes;
import io.astraea.ledger.types.ChainId;
import io.astraea.ledger.types.ChangeSet;
import io.astraea.ledger.types.ContractEvent;
import io.astraea.ledger.types.Identifier;
import io.astraea.ledger.types.KeptVmStatus;
import io.astraea.ledger.types.ModuleId;
import io.astraea.ledger.types.NetworkAddress;
import io.astraea.ledger.types.StructTag;
import io.astraea.ledger.types.Transaction;
import io.astraea.ledger.types.TransactionStatus;
import io.astraea.ledger.types.TypeTag;
import io.astraea.ledger.types.ValidatorConfig;
import io.astraea.ledger.types.ValidatorInfo;
import io.astraea.ledger.types.ValidatorSet;
import io.astraea.ledger.types.WriteOp;
import io.astraea.ledger.types.WriteSet;
import io.astraea.ledger.types.WriteSetPayload;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Builds the genesis transaction from a {@link GenesisDescription}: the system state (chain id,
 * clock, epoch 1 with the first validator set, currencies), the association root, treasury
 * compliance, the fee collector, designated dealers, validator owner accounts and testnet
 * accounts. The result depends only on the description, so every operator holding the same
 * description derives the byte-identical transaction and hash.
 */
public final class GenesisBuilder {
  /** Diem's exchange rate 1.0 as a FixedPoint32. */
  static final long UNIT_EXCHANGE_RATE = 1L << 32;
  /** The synthetic currency, which is never minted directly. */
  static final String SYNTHETIC_CURRENCY = "XDX";
  /** Authentication key no private key matches (sha3 output is never all zeros in practice). */
  static final Bytes NO_KEY = Bytes.of(new byte[32]);

  private GenesisBuilder() {}

  public static Genesis build(GenesisDescription d) throws GenesisException {
    TreeMap<AccountAddress, AccountState> accounts = new TreeMap<>();
    List<String> codes = d.currencies().stream().map(GenesisCurrency::code).toList();

    put(accounts, StateKeys.ASSOCIATION_ROOT,
        AccountState.newAccount(StateKeys.ASSOCIATION_ROOT,
                Bytes.of(d.associationRoot().authenticationKey().toBytes()), new AccountRole.AssociationRoot())
            .slidingNonce(SlidingNonce.INITIAL).build());
    put(accounts, StateKeys.TREASURY_COMPLIANCE,
        AccountState.newAccount(StateKeys.TREASURY_COMPLIANCE,
                Bytes.of(AuthenticationKey.ed25519(d.treasuryCompliancePublicKey()).toBytes()),
                new AccountRole.TreasuryCompliance())
            .slidingNonce(SlidingNonce.INITIAL).build());
    AccountState.Builder fees =
        AccountState.newAccount(StateKeys.FEE_COLLECTOR, NO_KEY, new AccountRole.FeeCollector());
    codes.forEach(c -> fees.balance(c, 0));
    put(accounts, StateKeys.FEE_COLLECTOR, fees.build());

    for (GenesisDealer dd : d.designatedDealers()) {
      checkNotReserved(dd.address());
      AccountState.Builder b = AccountState.newAccount(dd.address(), Bytes.of(dd.authKey().toBytes()), null);
      b.role(new AccountRole.DesignatedDealer(utf8(dd.name()), b.newEventHandle(dd.address())));
      codes.forEach(c -> b.balance(c, 0));
      put(accounts, dd.address(), b.build());
    }

    List<ValidatorInfo> validators = new ArrayList<>();
    for (GenesisValidator v : d.validators()) {
      checkNotReserved(v.ownerAddress());
      ValidatorConfig config = ValidatorConfig.of(
          v.consensusPublicKey(),
          List.of(new NetworkAddress(v.host(), v.port(), v.networkPublicKey())),
          List.of());
      Bytes key = v.ownerAuthKey().map(k -> Bytes.of(k.toBytes())).orElse(NO_KEY);
      AccountRole role = new AccountRole.Validator(utf8(v.name()), Optional.of(config), Optional.empty());
      put(accounts, v.ownerAddress(), AccountState.newAccount(v.ownerAddress(), key, role).build());
      validators.add(new ValidatorInfo(v.ownerAddress(), v.votingPower(), config));
    }

    TreeMap<String, BigInteger> supply = new TreeMap<>();
    codes.forEach(c -> supply.put(c, BigInteger.ZERO));
    TreeMap<AccountAddress, AccountState.Builder> funded = new TreeMap<>();
    for (GenesisAccount a : d.testnetAccounts()) {
      AccountAddress address = a.address();
      checkNotReserved(address);
      if (accounts.containsKey(address)) {
        throw new GenesisException("testnet account " + address + " collides with another account");
      }
      if (!supply.containsKey(a.currency())) {
        throw new GenesisException("testnet account " + address + " holds unregistered " + a.currency());
      }
      AccountState.Builder b = funded.computeIfAbsent(address, x -> AccountState.newAccount(
          x, Bytes.of(a.authKey().toBytes()), new AccountRole.ParentVasp(utf8("testnet"), 0)));
      b.balance(a.currency(), a.amount());
      supply.merge(a.currency(), BigInteger.valueOf(a.amount()), BigInteger::add);
    }
    funded.forEach((address, b) -> accounts.put(address, b.build()));

    SystemState system = system(d, codes, supply, new ValidatorSet(validators));
    EventHandle epochEvents = system.newEpochEvents();
    ContractEvent newEpoch = epochEvent(epochEvents, system.epoch());
    system = system.withEpoch(system.epoch(), system.lastReconfigurationTimeUsecs(), epochEvents.next());

    TreeMap<AccountAddress, byte[]> blobs = new TreeMap<>();
    accounts.forEach((a, s) -> blobs.put(a, s.toBcs()));
    blobs.put(StateKeys.SYSTEM, system.toBcs());
    List<WriteSet.Entry> entries = new ArrayList<>();
    for (Map.Entry<AccountAddress, byte[]> e : blobs.entrySet()) {
      String path = e.getKey().equals(StateKeys.SYSTEM) ? StateKeys.SYSTEM_PATH : StateKeys.ACCOUNT_PATH;
      entries.add(new WriteSet.Entry(
          new AccessPath(e.getKey(), utf8(path)), new WriteOp.Value(Bytes.of(e.getValue()))));
    }
    ChangeSet changeSet = new ChangeSet(new WriteSet(entries), List.of(newEpoch));
    Transaction.GenesisTransaction txn =
        new Transaction.GenesisTransaction(new WriteSetPayload.Direct(changeSet));
    TransactionOutput output = new TransactionOutput(
        StateWriteSet.of(blobs), List.of(newEpoch), 0, TransactionStatus.keep(KeptVmStatus.EXECUTED));
    return new Genesis(txn, output, system.epochState());
  }

  /**
   * The state writes a genesis transaction carries, for a node that receives the transaction
   * rather than the description (state sync, storage bootstrap). Refuses any write set that is not
   * in the form {@link #build} produces: direct, values only, one entry per address under the
   * expected path, blobs that decode.
   */
  public static StateWriteSet stateWrites(Transaction.GenesisTransaction txn) throws GenesisException {
    if (!(txn.payload() instanceof WriteSetPayload.Direct direct)) {
      throw new GenesisException("a genesis transaction must carry a direct change set");
    }
    TreeMap<AccountAddress, byte[]> out = new TreeMap<>();
    for (WriteSet.Entry e : direct.changeSet().writeSet().entries()) {
      AccountAddress a = e.path().address();
      boolean system = a.equals(StateKeys.SYSTEM);
      if (!e.path().path().equals(utf8(system ? StateKeys.SYSTEM_PATH : StateKeys.ACCOUNT_PATH))) {
        throw new GenesisException("unexpected access path under " + a);
      }
      if (!(e.op() instanceof WriteOp.Value v)) {
        throw new GenesisException("genesis deletes " + a);
      }
      byte[] blob = v.value().toArray();
      try {
        if (system) {
          SystemState.fromBcs(blob);
        } else {
          AccountState.fromBcs(blob);
        }
      } catch (io.astraea.crypto.bcs.BcsException | RuntimeException ex) {
        throw new GenesisException("genesis blob of " + a + " does not decode: " + ex.getMessage());
      }
      if (out.put(a, blob) != null) {
        throw new GenesisException("genesis writes " + a + " twice");
      }
    }
    if (!out.containsKey(StateKeys.SYSTEM)) {
      throw new GenesisException("genesis writes no system state");
    }
    return StateWriteSet.of(out);
  }

  private static SystemState system(
      GenesisDescription d, List<String> codes, Map<String, BigInteger> supply, ValidatorSet set)
      throws GenesisException {
    long salt = 0;
    EventHandle blockEvents = EventHandle.create(StateKeys.SYSTEM, salt++);
    EventHandle epochEvents = EventHandle.create(StateKeys.SYSTEM, salt++);
    TreeMap<String, CurrencyInfo> currencies = new TreeMap<>();
    for (GenesisCurrency c : d.currencies()) {
      BigInteger total = supply.get(c.code());
      if (total.compareTo(CurrencyInfo.maxTotalValue()) > 0) {
        throw new GenesisException("genesis supply of " + c.code() + " exceeds u128");
      }
      boolean synthetic = c.code().equals(SYNTHETIC_CURRENCY);
      currencies.put(c.code(), new CurrencyInfo(
          c.code(), total, 0, UNIT_EXCHANGE_RATE, synthetic, c.scalingFactor(), c.fractionalPart(),
          !synthetic,
          EventHandle.create(StateKeys.SYSTEM, salt++),
          EventHandle.create(StateKeys.SYSTEM, salt++),
          EventHandle.create(StateKeys.SYSTEM, salt++),
          EventHandle.create(StateKeys.SYSTEM, salt++),
          EventHandle.create(StateKeys.SYSTEM, salt++)));
    }
    if (set.validators().isEmpty()) {
      throw new GenesisException("genesis needs at least one validator");
    }
    return new SystemState(
        new ChainId(d.chainId()), 0, d.genesisTimestampUsecs(), blockEvents, 1,
        d.genesisTimestampUsecs(), epochEvents, set, currencies, salt);
  }

  /** Diem's {@code 0x1::DiemConfig::NewEpochEvent{epoch}}. */
  private static ContractEvent epochEvent(EventHandle h, long epoch) {
    BcsWriter w = new BcsWriter(8);
    w.writeU64(epoch);
    TypeTag tag = new TypeTag.Struct(new StructTag(
        ModuleId.CORE_CODE_ADDRESS, new Identifier("DiemConfig"), new Identifier("NewEpochEvent"), List.of()));
    return new ContractEvent(h.key(), h.counter(), tag, Bytes.of(w.toByteArray()));
  }

  private static void put(Map<AccountAddress, AccountState> accounts, AccountAddress a, AccountState s)
      throws GenesisException {
    if (accounts.put(a, s) != null) {
      throw new GenesisException("two genesis accounts at " + a);
    }
  }

  private static void checkNotReserved(AccountAddress a) throws GenesisException {
    if (StateKeys.isReserved(a)) {
      throw new GenesisException(a + " is a reserved address");
    }
  }

  private static Bytes utf8(String s) {
    return Bytes.of(s.getBytes(StandardCharsets.UTF_8));
  }
}
