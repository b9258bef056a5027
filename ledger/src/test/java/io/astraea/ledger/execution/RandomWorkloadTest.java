package io.astraea.ledger.execution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.astraea.crypto.AccountAddress;
import io.astraea.crypto.Ed25519PrivateKey;
import io.astraea.crypto.HashValue;
import io.astraea.ledger.jmt.InMemoryTreeStore;
import io.astraea.ledger.jmt.JellyfishMerkleTree;
import io.astraea.ledger.state.AccountState;
import io.astraea.ledger.state.StateKeys;
import io.astraea.ledger.types.BlockMetadata;
import io.astraea.ledger.types.Bytes;
import io.astraea.ledger.types.ChainId;
import io.astraea.ledger.types.RawTransaction;
import io.astraea.ledger.types.Script;
import io.astraea.ledger.types.SignedTransaction;
import io.astraea.ledger.types.TransactionPayload;
import io.astraea.ledger.types.TransactionStatus;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * 10,000 seeded random transactions of every kind, valid and hostile, in blocks of 100: the
 * supply invariant holds after every block, and re-executing the recorded blocks from genesis
 * reproduces every output and the same Jellyfish Merkle root.
 */
class RandomWorkloadTest {
  private static final int BLOCKS = 100;
  private static final int PER_BLOCK = 100;

  private record Block(BlockMetadata metadata, List<SignedTransaction> txns) {}

  private static final class Run {
    final TestLedger ledger = new TestLedger(ExecutorConfig.standard().withoutSignatureChecks());
    final InMemoryTreeStore tree = new InMemoryTreeStore();
    long version = -1;
    HashValue root = HashValue.ZERO;

    Run() throws Exception {
      commit(List.of(ledger.genesis.output()));
    }

    void commit(List<TransactionOutput> outputs) throws Exception {
      List<Map<HashValue, byte[]>> sets = new ArrayList<>();
      for (TransactionOutput o : outputs) {
        if (!o.writeSet().isEmpty()) {
          sets.add(o.writeSet().byKey());
        }
      }
      if (sets.isEmpty()) {
        return;
      }
      var batch = new JellyfishMerkleTree(tree).putValueSets(sets, version + 1);
      tree.writeBatch(batch);
      version += sets.size();
      root = batch.lastRootHash();
    }

    BlockOutput execute(Block b) throws Exception {
      BlockOutput out = ledger.executor().executeBlock(ledger.state, b.metadata(), b.txns());
      out.outputs().forEach(o -> ledger.state.apply(o.writeSet()));
      commit(out.outputs());
      return out;
    }
  }

  private final Random random = new Random(20_260_101L);
  private final List<Ed25519PrivateKey> pool = new ArrayList<>();
  private final List<AccountAddress> parents = new ArrayList<>();
  private final List<AccountAddress> everyone = new ArrayList<>();
  private long nonce = 1;

  @Test
  void randomTransactionsKeepSupplyAndReplayIdentically() throws Exception {
    Run first = new Run();
    TestLedger l = first.ledger;
    for (int i = 0; i < 40; i++) {
      Ed25519PrivateKey k = Keys.key(1_000 + i);
      pool.add(k);
      l.addSigner(k);
    }
    for (int i = 0; i < 3; i++) {
      parents.add(l.user(i));
      everyone.add(l.user(i));
    }
    everyone.add(l.dealerAddress());

    List<Block> blocks = new ArrayList<>();
    List<BlockOutput> outputs = new ArrayList<>();
    Map<String, Integer> statuses = new TreeMap<>();
    for (int b = 0; b < BLOCKS; b++) {
      Map<AccountAddress, Long> seqs = new HashMap<>();
      List<SignedTransaction> txns = new ArrayList<>();
      for (int t = 0; t < PER_BLOCK; t++) {
        txns.add(randomTransaction(l, seqs));
      }
      Block block = new Block(l.nextMetadata(), txns);
      BlockOutput out = first.execute(block);
      assertEquals(PER_BLOCK + 1, out.outputs().size());
      for (TransactionOutput o : out.outputs().subList(1, out.outputs().size())) {
        statuses.merge(describe(o.status()), 1, Integer::sum);
      }
      blocks.add(block);
      outputs.add(out);
      l.checkSupply();
    }
    // the workload really exercises success, aborts and discards
    assertTrue(statuses.getOrDefault("Executed", 0) > 3_000, statuses.toString());
    assertTrue(statuses.keySet().stream().filter(s -> s.startsWith("Discard")).count() >= 5, statuses.toString());
    assertTrue(statuses.keySet().stream().filter(s -> s.startsWith("MoveAbort")).count() >= 5, statuses.toString());

    Run second = new Run();
    for (int b = 0; b < BLOCKS; b++) {
      BlockOutput replay = second.execute(blocks.get(b));
      assertEquals(outputs.get(b), replay, "block " + b);
    }
    assertEquals(first.ledger.state.digest(), second.ledger.state.digest());
    assertEquals(first.root, second.root);
    assertEquals(first.version, second.version);
  }

  private static String describe(TransactionStatus s) {
    if (s instanceof TransactionStatus.Discard d) {
      return "Discard " + d.code().name();
    }
    var k = ((TransactionStatus.Keep) s).status();
    return k instanceof io.astraea.ledger.types.KeptVmStatus.MoveAbort m
        ? "MoveAbort " + m.code() : k.getClass().getSimpleName();
  }

  private <T> T pick(List<T> list) {
    return list.get(random.nextInt(list.size()));
  }

  private long amount() {
    return switch (random.nextInt(10)) {
      case 0 -> 0;
      case 1 -> Long.MAX_VALUE - random.nextInt(3);
      case 2 -> -1L - random.nextInt(3);
      default -> 1 + random.nextInt(5_000_000);
    };
  }

  private SignedTransaction randomTransaction(TestLedger l, Map<AccountAddress, Long> seqs) {
    int dice = random.nextInt(100);
    AccountAddress tc = StateKeys.TREASURY_COMPLIANCE;
    AccountAddress dd = l.dealerAddress();
    AccountAddress sender;
    TransactionPayload payload;
    if (dice < 45) {
      sender = pick(everyone);
      payload = Payloads.p2p(random.nextInt(10) == 0 ? "XDX" : "XUS", pick(everyone), amount());
    } else if (dice < 53) {
      sender = tc;
      long amt = random.nextInt(20) == 0 ? Long.MAX_VALUE : 1 + random.nextInt(1_000_000_000);
      payload = Payloads.call(StandardScript.TIERED_MINT, "XUS", nonce++, random.nextInt(10) == 0 ? pick(everyone) : dd,
          amt, 0L);
    } else if (dice < 60) {
      sender = random.nextInt(10) == 0 ? pick(everyone) : dd;
      payload = Payloads.call(StandardScript.PREBURN, "XUS", (long) random.nextInt(2_000_000));
    } else if (dice < 66) {
      sender = tc;
      List<Long> queue = l.account(dd).preburns().getOrDefault("XUS", List.of());
      long amt = queue.isEmpty() || random.nextInt(5) == 0 ? 1 + random.nextInt(100) : pick(queue);
      payload = switch (random.nextInt(4)) {
        case 0 -> Payloads.call(StandardScript.BURN_WITH_AMOUNT, "XUS", nonce++, dd, amt);
        case 1 -> Payloads.call(StandardScript.CANCEL_BURN_WITH_AMOUNT, "XUS", dd, amt);
        case 2 -> legacy(StandardScript.BURN, dd);
        default -> legacy(StandardScript.CANCEL_BURN, dd);
      };
    } else if (dice < 72) {
      sender = pick(parents);
      Ed25519PrivateKey k = pick(pool);
      payload = Payloads.call(StandardScript.CREATE_CHILD_VASP_ACCOUNT, "XUS", Keys.address(k),
          Bytes.of(Keys.authKey(k).prefix()), random.nextBoolean(), (long) random.nextInt(3) * random.nextInt(1_000_000));
      track(Keys.address(k), false);
    } else if (dice < 76) {
      sender = tc;
      Ed25519PrivateKey k = pick(pool);
      payload = Payloads.call(StandardScript.CREATE_PARENT_VASP_ACCOUNT, "XUS", nonce++, Keys.address(k),
          Bytes.of(Keys.authKey(k).prefix()), Payloads.utf8("p"), random.nextBoolean());
      track(Keys.address(k), true);
    } else if (dice < 80) {
      sender = random.nextInt(8) == 0 ? pick(everyone) : tc;
      payload = Payloads.call(random.nextBoolean() ? StandardScript.FREEZE_ACCOUNT : StandardScript.UNFREEZE_ACCOUNT,
          null, nonce++, pick(everyone));
    } else if (dice < 83) {
      sender = tc;
      payload = Payloads.call(StandardScript.UPDATE_EXCHANGE_RATE, "XUS", nonce++, (long) random.nextInt(5),
          (long) random.nextInt(5));
    } else if (dice < 85) {
      sender = StateKeys.ASSOCIATION_ROOT;
      AccountAddress v1 = Keys.address(l.validator1);
      payload = Payloads.call(random.nextBoolean() ? StandardScript.ADD_VALIDATOR_AND_RECONFIGURE
          : StandardScript.REMOVE_VALIDATOR_AND_RECONFIGURE, null, nonce++, Payloads.utf8("v1"), v1);
    } else if (dice < 88) {
      sender = pick(everyone);
      byte[] key = random.nextInt(4) == 0 || !l.exists(sender) ? new byte[31] : l.account(sender).authKey().toArray();
      payload = Payloads.call(StandardScript.ROTATE_AUTHENTICATION_KEY, null, Bytes.of(key));
    } else {
      return hostile(l, seqs);
    }
    boolean pays = !sender.equals(tc) && !sender.equals(StateKeys.ASSOCIATION_ROOT);
    return build(l, seqs, l.raw(sender, payload).gasUnitPrice(pays ? random.nextInt(3) : 0), true);
  }

  private void track(AccountAddress a, boolean parent) {
    if (!everyone.contains(a)) {
      everyone.add(a);
      if (parent) {
        parents.add(a);
      }
    }
  }

  /** Uses the sender's next sequence number; {@code advance} unless the transaction is meant to be discarded. */
  private SignedTransaction build(
      TestLedger l, Map<AccountAddress, Long> seqs, RawTransaction.Builder b, boolean advance) {
    RawTransaction probe = b.build();
    AccountAddress sender = probe.sender();
    long seq = seqs.computeIfAbsent(sender, a -> l.exists(a) ? l.seq(a) : 0L);
    if (advance) {
      seqs.put(sender, seq + 1);
    }
    return l.unsigned(b.sequenceNumber(seq).build());
  }

  private SignedTransaction hostile(TestLedger l, Map<AccountAddress, Long> seqs) {
    AccountAddress sender = pick(everyone);
    RawTransaction.Builder b = l.raw(sender, Payloads.p2p("XUS", pick(everyone), 1));
    switch (random.nextInt(8)) {
      case 0 -> b.chainId(new ChainId(99));
      case 1 -> b.gasCurrencyCode("NOPE");
      case 2 -> b.expirationTimestampSecs(1);
      case 3 -> b.payload(TransactionPayload.script(new Script(Bytes.of(randomBytes(40)), List.of(), List.of())));
      case 4 -> b.maxGasAmount(10);
      case 5 -> b.gasUnitPrice(10_000).maxGasAmount(4_000_000);
      case 6 -> b.payload(Payloads.call(StandardScript.PEER_TO_PEER_WITH_METADATA, "XUS",
          Bytes.of(randomBytes(5)), 1L, Bytes.EMPTY, Bytes.EMPTY));
      default -> {
        return l.unsigned(b.sequenceNumber(random.nextInt(3) == 0 ? -1L : 1_000_000L).build());
      }
    }
    return build(l, seqs, b, false);
  }

  private byte[] randomBytes(int n) {
    byte[] out = new byte[n];
    random.nextBytes(out);
    return out;
  }

  private static TransactionPayload legacy(StandardScript s, AccountAddress preburnAddress) {
    List<io.astraea.ledger.types.TransactionArgument> args = s == StandardScript.BURN
        ? List.of(new io.astraea.ledger.types.TransactionArgument.U64(0),
            new io.astraea.ledger.types.TransactionArgument.Address(preburnAddress))
        : List.of(new io.astraea.ledger.types.TransactionArgument.Address(preburnAddress));
    return TransactionPayload.script(new Script(LegacyCode.of(s), List.of(io.astraea.ledger.types.TypeTag.currency("XUS")), args));
  }
}
