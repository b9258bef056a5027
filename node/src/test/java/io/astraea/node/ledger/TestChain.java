package io.astraea.node.ledger;

import io.astraea.config.AssociationRootKey;
import io.astraea.config.GenesisAccount;
import io.astraea.config.GenesisCurrency;
import io.astraea.config.GenesisDealer;
import io.astraea.config.GenesisDescription;
import io.astraea.config.GenesisValidator;
import io.astraea.consensus.Action;
import io.astraea.consensus.ExecutionResult;
import io.astraea.consensus.RecoveryData;
import io.astraea.consensus.blocks.ExecutedBlock;
import io.astraea.consensus.types.Block;
import io.astraea.consensus.types.BlockData;
import io.astraea.consensus.types.BlockType;
import io.astraea.consensus.types.Payload;
import io.astraea.consensus.types.QuorumCert;
import io.astraea.consensus.types.VoteData;
import io.astraea.crypto.AccountAddress;
import io.astraea.crypto.AuthenticationKey;
import io.astraea.crypto.Ed25519PrivateKey;
import io.astraea.crypto.Ed25519Signature;
import io.astraea.crypto.HashValue;
import io.astraea.crypto.bcs.BcsWriter;
import io.astraea.crypto.quorum.BlockInfo;
import io.astraea.crypto.quorum.EpochState;
import io.astraea.crypto.quorum.LedgerInfo;
import io.astraea.crypto.quorum.LedgerInfoWithSignatures;
import io.astraea.ledger.execution.StandardScript;
import io.astraea.ledger.types.Bytes;
import io.astraea.ledger.types.ChainId;
import io.astraea.ledger.types.Identifier;
import io.astraea.ledger.types.ModuleId;
import io.astraea.ledger.types.RawTransaction;
import io.astraea.ledger.types.ScriptFunction;
import io.astraea.ledger.types.SignedTransaction;
import io.astraea.ledger.types.TransactionPayload;
import io.astraea.ledger.types.TypeTag;
import io.astraea.ledger.state.StateKeys;
import io.astraea.node.TestKeys;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A two-validator network for the node's ledger tests: a genesis description built in code,
 * deterministic keys, consensus blocks on top of executed parents, and ledger infos signed by both
 * validators (a quorum of two equal votes).
 */
public final class TestChain {
  public static final int CHAIN = 4;
  public static final long START_USECS = 1_000_000_000L;
  public static final long FUNDS = 1_000_000_000L;
  public static final long POOR_FUNDS = 100;

  public final Ed25519PrivateKey root = key(1);
  public final Ed25519PrivateKey tc = key(2);
  public final Ed25519PrivateKey dealer = key(3);
  public final List<Ed25519PrivateKey> validators = List.of(key(4), key(5));
  public final List<Ed25519PrivateKey> users = List.of(key(10), key(11), key(12));
  /** An account funded with too little to pay any fee. */
  public final Ed25519PrivateKey poor = key(13);
  private final int chainId;
  private long clock = START_USECS;

  public TestChain() {
    this(CHAIN);
  }

  public TestChain(int chainId) {
    this.chainId = chainId;
  }

  public static Ed25519PrivateKey key(int index) {
    return TestKeys.key(index);
  }

  public static AccountAddress address(Ed25519PrivateKey k) {
    return TestKeys.address(k);
  }

  public GenesisDescription description() {
    List<GenesisAccount> funded = new ArrayList<>();
    for (Ed25519PrivateKey u : users) {
      funded.add(new GenesisAccount(AuthenticationKey.ed25519(u.publicKey()), "XUS", FUNDS));
    }
    funded.add(new GenesisAccount(AuthenticationKey.ed25519(poor.publicKey()), "XUS", POOR_FUNDS));
    List<GenesisValidator> vs = new ArrayList<>();
    for (int i = 0; i < validators.size(); i++) {
      Ed25519PrivateKey k = validators.get(i);
      vs.add(new GenesisValidator("v" + i, address(k), Optional.of(AuthenticationKey.ed25519(k.publicKey())),
          k.publicKey(), key(100 + i).publicKey(), "127.0.0.1", 6000 + i, 1));
    }
    return new GenesisDescription(chainId, START_USECS,
        List.of(new GenesisCurrency("XUS", 1_000_000, 100), new GenesisCurrency("XDX", 1_000_000, 1_000)),
        new AssociationRootKey(List.of(root.publicKey()), 1), tc.publicKey(),
        List.of(new GenesisDealer("dealer", address(dealer), AuthenticationKey.ed25519(dealer.publicKey()))),
        vs, funded);
  }

  public AccountAddress user(int i) {
    return address(users.get(i));
  }

  public AccountAddress proposer() {
    return address(validators.get(0));
  }

  // ---- transactions

  public RawTransaction.Builder raw(AccountAddress sender, long seq, TransactionPayload payload) {
    return RawTransaction.builder()
        .sender(sender)
        .sequenceNumber(seq)
        .payload(payload)
        .maxGasAmount(1_000_000)
        .gasUnitPrice(0)
        .gasCurrencyCode("XUS")
        .expirationTimestampSecs(START_USECS / 1_000_000 + 1_000_000)
        .chainId(new ChainId(chainId));
  }

  public SignedTransaction transfer(int from, int to, long seq, long amount) {
    return raw(user(from), seq, p2p(user(to), amount)).build().sign(users.get(from));
  }

  public static TransactionPayload p2p(AccountAddress payee, long amount) {
    return call(StandardScript.PEER_TO_PEER_WITH_METADATA, "XUS",
        w -> w.write(payee), w -> w.writeU64(amount), w -> w.writeBytes(new byte[0]), w -> w.writeBytes(new byte[0]));
  }

  /** The association root removes validator {@code index} and reconfigures (ends the epoch). */
  public SignedTransaction removeValidator(int index, long rootSeq, long nonce) {
    TransactionPayload p = call(StandardScript.REMOVE_VALIDATOR_AND_RECONFIGURE, null,
        w -> w.writeU64(nonce), w -> w.writeBytes(("v" + index).getBytes()), w -> w.write(address(validators.get(index))));
    return raw(StateKeys.ASSOCIATION_ROOT, rootSeq, p).build().sign(root);
  }

  @SafeVarargs
  private static TransactionPayload call(StandardScript s, String currency,
      java.util.function.Consumer<BcsWriter>... args) {
    List<TypeTag> ty = currency == null ? List.of() : List.of(TypeTag.currency(currency));
    List<Bytes> encoded = new ArrayList<>();
    for (java.util.function.Consumer<BcsWriter> a : args) {
      BcsWriter w = new BcsWriter();
      a.accept(w);
      encoded.add(Bytes.of(w.toByteArray()));
    }
    return TransactionPayload.scriptFunction(new ScriptFunction(ModuleId.core(s.moduleName().orElseThrow()),
        new Identifier(s.functionName().orElseThrow()), ty, encoded));
  }

  // ---- blocks

  /** A proposal by validator 0 on top of {@code parent}, one second after the previous one. */
  public Block proposal(BlockInfo parent, long round, List<SignedTransaction> txns) {
    return proposal(parent, round, PayloadCodec.encode(txns));
  }

  public Block proposal(BlockInfo parent, long round, Payload payload) {
    clock += 1_000_000;
    BlockData data = new BlockData(parent.epoch(), round, clock, certify(parent),
        new BlockType.Proposal(payload, proposer()));
    Ed25519Signature sig = validators.get(0).sign(data.signingMessage());
    return new Block(data, Optional.of(sig));
  }

  /** A NIL block on top of {@code parent} (keeps the parent's time). */
  public Block nil(BlockInfo parent, long round) {
    BlockData data = new BlockData(parent.epoch(), round, parent.timestampUsecs(), certify(parent),
        new BlockType.NilBlock());
    return new Block(data, Optional.empty());
  }

  /** A certificate of {@code certified} signed by both validators. */
  public QuorumCert certify(BlockInfo certified) {
    VoteData vd = new VoteData(certified, certified);
    LedgerInfo li = new LedgerInfo(QuorumCert.EMPTY_COMMIT_INFO, vd.hash());
    return new QuorumCert(vd, sign(li));
  }

  public static BlockInfo info(Block b, ExecutionResult r) {
    return new BlockInfo(b.epoch(), b.round(), b.id(), r.executedStateId(), r.version(), b.timestampUsecs(),
        r.nextEpochState());
  }

  public LedgerInfoWithSignatures sign(LedgerInfo li) {
    return sign(li, null);
  }

  /** Signed by every test validator that belongs to {@code epoch} (all of them if null). */
  public LedgerInfoWithSignatures sign(LedgerInfo li, EpochState epoch) {
    Map<AccountAddress, Ed25519Signature> sigs = new TreeMap<>();
    for (Ed25519PrivateKey k : validators) {
      if (epoch == null || epoch.verifier().contains(address(k))) {
        sigs.put(address(k), k.sign(li.signingMessage()));
      }
    }
    return LedgerInfoWithSignatures.of(li, sigs);
  }

  /** The commit action consensus would emit for {@code chain} (oldest first). */
  public Action.Commit commit(EpochState epoch, List<ExecutedBlock> chain) {
    ExecutedBlock last = chain.get(chain.size() - 1);
    LedgerInfoWithSignatures proof = sign(new LedgerInfo(last.info(), HashValue.ZERO), epoch);
    QuorumCert qc = certify(last.info());
    return new Action.Commit(chain, proof, new RecoveryData(epoch, last, qc, qc));
  }

  public static RecoveryData start(LedgerService ledger) throws Exception {
    return ledger.recoveryData();
  }
}
