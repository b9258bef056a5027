package io.astraea.bench.consensus;

import io.astraea.consensus.ConsensusConfig;
import io.astraea.consensus.ConsensusCore;
import io.astraea.consensus.ExecutionResult;
import io.astraea.consensus.Executor;
import io.astraea.consensus.PayloadSource;
import io.astraea.consensus.RecoveryData;
import io.astraea.consensus.liveness.ProposerElection;
import io.astraea.consensus.safety.ConsensusSigner;
import io.astraea.consensus.safety.InMemorySafetyStorage;
import io.astraea.consensus.safety.SafetyRules;
import io.astraea.consensus.types.Block;
import io.astraea.consensus.types.Payload;
import io.astraea.consensus.types.SignatureChecker;
import io.astraea.crypto.AccountAddress;
import io.astraea.crypto.CryptoMaterialException;
import io.astraea.crypto.Ed25519PrivateKey;
import io.astraea.crypto.Ed25519Signature;
import io.astraea.crypto.HashValue;
import io.astraea.crypto.Sha3;
import io.astraea.crypto.quorum.BlockInfo;
import io.astraea.crypto.quorum.EpochState;
import io.astraea.crypto.quorum.LedgerInfo;
import io.astraea.crypto.quorum.ValidatorConsensusInfo;
import io.astraea.crypto.quorum.ValidatorVerifier;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.LongFunction;

/**
 * Four validators with the signature work taken out (a constant signature per author, a checker
 * that accepts everything), so consensus benchmarks measure the core itself: decoding-free
 * message handling, hashing, block tree, safety rules, round logic. Execution is one SHA3.
 */
final class BenchValidators implements Executor {
  final List<AccountAddress> addresses = new ArrayList<>();
  final ValidatorVerifier verifier;
  final EpochState epoch;
  final RecoveryData genesis;
  static final SignatureChecker NO_CHECK = (v, a, m, s) -> {};

  BenchValidators() {
    TreeMap<AccountAddress, ValidatorConsensusInfo> infos = new TreeMap<>();
    try {
      for (int i = 0; i < 4; i++) {
        byte[] seed = new byte[32];
        seed[0] = (byte) (i + 1);
        byte[] addr = new byte[16];
        addr[15] = (byte) (i + 1);
        AccountAddress a = AccountAddress.fromBytes(addr);
        addresses.add(a);
        infos.put(a, new ValidatorConsensusInfo(Ed25519PrivateKey.fromSeed(seed).publicKey(), 1));
      }
    } catch (CryptoMaterialException e) {
      throw new IllegalStateException(e);
    }
    verifier = new ValidatorVerifier(infos);
    epoch = new EpochState(1, verifier);
    BlockInfo boot =
        new BlockInfo(0, 0, HashValue.ZERO, HashValue.ZERO, 0, 0, Optional.of(epoch));
    genesis = RecoveryData.epochStart(new LedgerInfo(boot, HashValue.ZERO), epoch);
  }

  ConsensusSigner signer(int i) {
    AccountAddress a = addresses.get(i);
    byte[] bytes = new byte[64];
    bytes[0] = (byte) i;
    Ed25519Signature sig;
    try {
      sig = Ed25519Signature.fromBytes(bytes);
    } catch (CryptoMaterialException e) {
      throw new IllegalStateException(e);
    }
    return new ConsensusSigner() {
      @Override
      public AccountAddress author() {
        return a;
      }

      @Override
      public Ed25519Signature sign(byte[] message) {
        return sig;
      }
    };
  }

  static ProposerElection election(LongFunction<AccountAddress> leader) {
    return leader::apply;
  }

  ConsensusCore core(int validator, ProposerElection election) {
    PayloadSource payloads =
        (round, pending) -> Payload.of(ByteBuffer.allocate(16).putLong(round).putLong(7).array());
    SafetyRules rules =
        new SafetyRules(signer(validator), new InMemorySafetyStorage(), NO_CHECK);
    ConsensusConfig config = ConsensusConfig.builder().election(s -> election).build();
    return new ConsensusCore(config, genesis, rules, payloads, this, NO_CHECK);
  }

  @Override
  public ExecutionResult execute(Block block, BlockInfo parent) {
    return new ExecutionResult(
        Sha3.hash(parent.executedStateId().toBytes(), block.id().toBytes()),
        parent.version() + 1,
        Optional.empty());
  }
}
