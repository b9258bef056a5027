package io.astraea.consensus.sim;

import io.astraea.consensus.RecoveryData;
import io.astraea.consensus.blocks.ExecutedBlock;
import io.astraea.consensus.safety.ConsensusSigner;
import io.astraea.consensus.types.Block;
import io.astraea.consensus.types.BlockData;
import io.astraea.consensus.types.BlockType;
import io.astraea.consensus.types.Payload;
import io.astraea.consensus.types.QuorumCert;
import io.astraea.consensus.types.SignatureChecker;
import io.astraea.consensus.types.SignatureWithRound;
import io.astraea.consensus.types.TwoChainTimeout;
import io.astraea.consensus.types.TwoChainTimeoutCertificate;
import io.astraea.consensus.types.Vote;
import io.astraea.consensus.types.VoteData;
import io.astraea.crypto.AccountAddress;
import io.astraea.crypto.Ed25519Signature;
import io.astraea.crypto.HashValue;
import io.astraea.crypto.Sha3;
import io.astraea.crypto.quorum.BlockInfo;
import io.astraea.crypto.quorum.EpochState;
import io.astraea.crypto.quorum.LedgerInfo;
import io.astraea.crypto.quorum.LedgerInfoWithSignatures;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Builds signed blocks, votes and certificates by hand for unit tests, with real Ed25519 keys of
 * a four-validator epoch 1. Execution is {@link SimExecutor}'s.
 */
public final class TestChain {
  public final SimKeys keys = SimKeys.of(4);
  public final EpochState epoch = keys.epochState(1);
  public final SignatureChecker checker = SignatureChecker.ed25519();
  public final RecoveryData genesis;
  private final SimExecutor executor = new SimExecutor(0, 0, keys.verifier());

  public TestChain() {
    BlockInfo boot =
        new BlockInfo(0, 0, HashValue.ZERO,
            Sha3.hash("astraea-test-genesis".getBytes(StandardCharsets.UTF_8)), 0, 0,
            Optional.of(epoch));
    genesis = RecoveryData.epochStart(new LedgerInfo(boot, HashValue.ZERO), epoch);
  }

  public AccountAddress address(int i) {
    return keys.address(i);
  }

  public ConsensusSigner signer(int i) {
    return keys.signer(i, true);
  }

  public ExecutedBlock genesisBlock() {
    return genesis.root();
  }

  public QuorumCert genesisQc() {
    return genesis.rootQc();
  }

  /** A proposal by validator {@code author} on {@code parentQc}, signed. */
  public Block proposal(int author, long round, QuorumCert parentQc, byte[] payload) {
    long ts = parentQc.certifiedBlock().timestampUsecs() + 1000;
    BlockData data =
        new BlockData(1, round, ts, parentQc,
            new BlockType.Proposal(Payload.of(payload), address(author)));
    return new Block(data, Optional.of(signer(author).sign(data.signingMessage())));
  }

  public Block proposal(int author, long round, QuorumCert parentQc) {
    return proposal(author, round, parentQc, new byte[] {(byte) author, (byte) round});
  }

  /** The block's state after execution on its parent. */
  public ExecutedBlock execute(Block b) {
    BlockInfo parent = b.quorumCert().certifiedBlock();
    var r = executor.execute(b, parent);
    return new ExecutedBlock(b, new BlockInfo(b.epoch(), b.round(), b.id(), r.executedStateId(),
        r.version(), b.timestampUsecs(), r.nextEpochState()));
  }

  /** Validator {@code i}'s vote for {@code b} (2-chain commit rule applied). */
  public Vote vote(int i, ExecutedBlock b) {
    BlockInfo parent = b.block().quorumCert().certifiedBlock();
    VoteData vd = new VoteData(b.info(), parent);
    BlockInfo commit = parent.round() + 1 == b.round() ? parent : QuorumCert.EMPTY_COMMIT_INFO;
    LedgerInfo li = new LedgerInfo(commit, vd.hash());
    return new Vote(vd, address(i), li, signer(i).sign(li.signingMessage()), Optional.empty());
  }

  /** A certificate for {@code b} signed by the given validators. */
  public QuorumCert certify(ExecutedBlock b, int... signers) {
    Vote first = vote(signers[0], b);
    TreeMap<AccountAddress, Ed25519Signature> sigs = new TreeMap<>();
    for (int s : signers) {
      sigs.put(address(s), vote(s, b).signature());
    }
    return new QuorumCert(first.voteData(), LedgerInfoWithSignatures.of(first.ledgerInfo(), sigs));
  }

  /** A timeout certificate of {@code round}: signer {@code i} reports {@code hqcs[i]}. */
  public TwoChainTimeoutCertificate timeoutCert(long round, QuorumCert hqc, int... signers) {
    TreeMap<AccountAddress, SignatureWithRound> sigs = new TreeMap<>();
    for (int s : signers) {
      byte[] msg = TwoChainTimeout.signingMessage(1, round, hqc.round());
      sigs.put(address(s), new SignatureWithRound(signer(s).sign(msg), hqc.round()));
    }
    return new TwoChainTimeoutCertificate(new TwoChainTimeout(1, round, hqc), sigs);
  }
}
