package io.astraea.ledger.storage;

import io.astraea.crypto.AccountAddress;
import io.astraea.crypto.CryptoMaterialException;
import io.astraea.crypto.Ed25519PrivateKey;
import io.astraea.crypto.HashValue;
import io.astraea.crypto.Sha3;
import io.astraea.crypto.quorum.BlockInfo;
import io.astraea.crypto.quorum.LedgerInfo;
import io.astraea.crypto.quorum.LedgerInfoWithSignatures;
import io.astraea.ledger.accumulator.InMemoryAccumulator;
import io.astraea.ledger.jmt.JellyfishMerkleTree;
import io.astraea.ledger.jmt.JmtException;
import io.astraea.ledger.jmt.NodeRetention;
import io.astraea.ledger.jmt.TreeReader;
import io.astraea.ledger.jmt.TreeUpdateBatch;
import io.astraea.ledger.types.BlockMetadata;
import io.astraea.ledger.types.Bytes;
import io.astraea.ledger.types.ChainId;
import io.astraea.ledger.types.ContractEvent;
import io.astraea.ledger.types.EventKey;
import io.astraea.ledger.types.KeptVmStatus;
import io.astraea.ledger.types.RawTransaction;
import io.astraea.ledger.types.Script;
import io.astraea.ledger.types.Transaction;
import io.astraea.ledger.types.TransactionInfo;
import io.astraea.ledger.types.TypeTag;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;

/**
 * Deterministic ledger history for storage tests: block {@code k} of a given seed is always the
 * same block metadata transaction followed by the same signed user transactions, events and state
 * writes, so a test can rebuild in memory exactly what a crashed process committed.
 */
final class LedgerFixture {
  static final int ACCOUNTS = 6;

  private final long seed;
  private final List<Ed25519PrivateKey> keys = new ArrayList<>();
  private final List<AccountAddress> addresses = new ArrayList<>();
  private final long[] sequenceNumbers = new long[ACCOUNTS];
  private final long[] eventCounts = new long[ACCOUNTS];
  private InMemoryAccumulator accumulator = InMemoryAccumulator.transactions();
  private long nextVersion;
  private long nextBlock;
  private long epoch = 1;

  LedgerFixture(long seed) throws CryptoMaterialException {
    this.seed = seed;
    for (int i = 0; i < ACCOUNTS; i++) {
      Ed25519PrivateKey k = Ed25519PrivateKey.fromSeed(Sha3.hash(new byte[] {(byte) i, (byte) seed}).toBytes());
      keys.add(k);
      addresses.add(io.astraea.crypto.AuthenticationKey.ed25519(k.publicKey()).derivedAddress());
    }
  }

  AccountAddress address(int i) {
    return addresses.get(i);
  }

  long nextVersion() {
    return nextVersion;
  }

  /** How many blocks this fixture has produced. */
  long blocks() {
    return nextBlock;
  }

  /** The next block over the tree in {@code reader}; {@code endEpoch} marks it as ending the epoch. */
  BlockCommit nextBlock(TreeReader reader, boolean endEpoch) throws JmtException {
    Random rnd = new Random(seed * 1_000_003 + nextBlock);
    List<Transaction> txns = new ArrayList<>();
    List<List<ContractEvent>> events = new ArrayList<>();
    List<Map<HashValue, byte[]>> writes = new ArrayList<>();
    HashValue blockId = Sha3.hash(Long.toString(seed).getBytes(), Long.toString(nextBlock).getBytes());
    long timestamp = 1_000_000L * (nextBlock + 1);
    txns.add(new Transaction.BlockMetadataTransaction(
        new BlockMetadata(blockId, nextBlock + 1, timestamp, List.of(), addresses.get(0))));
    events.add(List.of());
    writes.add(Map.of(Sha3.hash("block".getBytes()), Long.toString(timestamp).getBytes()));
    int userTxns = 1 + rnd.nextInt(5);
    for (int t = 0; t < userTxns; t++) {
      int s = rnd.nextInt(ACCOUNTS);
      byte[] code = new byte[4 + rnd.nextInt(20)];
      rnd.nextBytes(code);
      RawTransaction raw = RawTransaction.builder()
          .sender(addresses.get(s))
          .sequenceNumber(sequenceNumbers[s]++)
          .script(new Script(Bytes.of(code), List.of(), List.of()))
          .chainId(ChainId.TESTING)
          .build();
      txns.add(new Transaction.UserTransaction(raw.sign(keys.get(s))));
      byte[] data = new byte[8];
      rnd.nextBytes(data);
      events.add(List.of(new ContractEvent(
          new EventKey(0, addresses.get(s)), eventCounts[s]++, TypeTag.Primitive.U64, Bytes.of(data))));
      Map<HashValue, byte[]> w = new TreeMap<>();
      byte[] blob = new byte[16 + rnd.nextInt(32)];
      rnd.nextBytes(blob);
      w.put(io.astraea.ledger.state.StateKeys.accountKey(addresses.get(s)), blob);
      if (rnd.nextBoolean()) {
        byte[] other = new byte[8];
        rnd.nextBytes(other);
        w.put(Sha3.hash(other), other);
      }
      writes.add(w);
    }
    // As the node does: the store keeps each block's last version only.
    TreeUpdateBatch state = new JellyfishMerkleTree(reader).putValueSets(writes, nextVersion, NodeRetention.LAST_VERSION);
    List<TransactionToCommit> out = new ArrayList<>();
    List<HashValue> infoHashes = new ArrayList<>();
    for (int i = 0; i < txns.size(); i++) {
      List<HashValue> eventHashes = new ArrayList<>();
      for (ContractEvent e : events.get(i)) {
        eventHashes.add(e.hash());
      }
      TransactionInfo info = new TransactionInfo(txns.get(i).hash(), state.rootHashes().get(i),
          InMemoryAccumulator.eventRootHash(eventHashes), 10 + i, KeptVmStatus.EXECUTED);
      out.add(new TransactionToCommit(txns.get(i), info, events.get(i)));
      infoHashes.add(info.hash());
    }
    accumulator = accumulator.append(infoHashes);
    long lastVersion = nextVersion + txns.size() - 1;
    BlockInfo info = new BlockInfo(epoch, nextBlock + 1, blockId, accumulator.rootHash(), lastVersion, timestamp,
        endEpoch ? Optional.of(new io.astraea.crypto.quorum.EpochState(epoch + 1, noValidators())) : Optional.empty());
    LedgerInfoWithSignatures li =
        LedgerInfoWithSignatures.of(new LedgerInfo(info, HashValue.ZERO), Map.of());
    BlockCommit commit = new BlockCommit(nextVersion, out, state, Optional.of(li));
    nextVersion = lastVersion + 1;
    nextBlock++;
    if (endEpoch) {
      epoch++;
    }
    return commit;
  }

  private io.astraea.crypto.quorum.ValidatorVerifier noValidators() {
    return new io.astraea.crypto.quorum.ValidatorVerifier(Map.of(addresses.get(0),
        new io.astraea.crypto.quorum.ValidatorConsensusInfo(keys.get(0).publicKey(), 1)));
  }
}
