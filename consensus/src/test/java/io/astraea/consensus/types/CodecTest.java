package io.astraea.consensus.types;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.astraea.consensus.blocks.ExecutedBlock;
import io.astraea.consensus.sim.TestChain;
import io.astraea.crypto.CryptoHasher;
import io.astraea.crypto.HashValue;
import io.astraea.crypto.bcs.BcsException;
import io.astraea.crypto.bcs.BcsWriter;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Wire encodings: every message round-trips, layouts match Diem's, bad bytes are refused. */
class CodecTest {
  private final TestChain chain = new TestChain();
  private final Block b1 = chain.proposal(1, 1, chain.genesisQc());
  private final ExecutedBlock e1 = chain.execute(b1);
  private final QuorumCert qc1 = chain.certify(e1, 0, 1, 2);
  private final Block b2 = chain.proposal(2, 2, qc1);
  private final TwoChainTimeoutCertificate tc2 = chain.timeoutCert(2, qc1, 0, 1, 3);
  private final SyncInfo sync = new SyncInfo(qc1, Optional.of(qc1), Optional.of(tc2));

  private List<ConsensusMsg> samples() {
    Vote vote = chain.vote(3, chain.execute(b2));
    TwoChainTimeout t = new TwoChainTimeout(1, 3, qc1);
    Vote withTimeout = vote.withTimeout(
        new TimeoutWithSignature(t, chain.signer(3).sign(t.signingMessage())));
    return List.of(
        new BlockRetrievalRequest(b2.id(), 2),
        new BlockRetrievalResponse(BlockRetrievalStatus.SUCCEEDED, List.of(b2, b1)),
        new EpochRetrievalRequest(1, 3),
        new ProposalMsg(b2, sync),
        sync,
        new EpochChangeProof(List.of(qc1.signedLedgerInfo()), true),
        new VoteMsg(withTimeout, sync),
        new TimeoutMsg(t, chain.address(3), chain.signer(3).sign(t.signingMessage()), sync));
  }

  @Test
  void everyMessageRoundTrips() throws BcsException {
    for (ConsensusMsg m : samples()) {
      byte[] wire = m.encode();
      ConsensusMsg back = ConsensusMsg.decode(wire);
      assertEquals(m.getClass(), back.getClass());
      assertArrayEquals(wire, back.encode(), m.getClass().getSimpleName());
      assertEquals(m.variant(), wire[0]);
    }
  }

  @Test
  void truncatedOrPaddedMessagesAreRefused() {
    for (ConsensusMsg m : samples()) {
      byte[] wire = m.encode();
      assertThrows(BcsException.class, () -> ConsensusMsg.decode(Arrays.copyOf(wire, wire.length - 1)));
      assertThrows(BcsException.class, () -> ConsensusMsg.decode(Arrays.copyOf(wire, wire.length + 1)));
    }
    assertThrows(BcsException.class, () -> ConsensusMsg.decode(new byte[] {8}));
    assertThrows(BcsException.class, () -> ConsensusMsg.decode(new byte[0]));
  }

  @Test
  void blockIdIsTheDiemHashOfBlockData() {
    byte[] bcs = b1.data().toBcs();
    assertEquals(CryptoHasher.forType("BlockData").hash(bcs), b1.id());
    // BlockData: epoch, round, timestamp (u64 LE), then the quorum certificate.
    assertEquals(1, bcs[0]);
    assertEquals(1, bcs[8]);
    byte[] qc = chain.genesisQc().toBcs();
    assertArrayEquals(qc, Arrays.copyOfRange(bcs, 24, 24 + qc.length));
    // Block type: variant 0 (Proposal), payload as a byte vector, then the 16-byte author.
    assertEquals(0, bcs[24 + qc.length]);
    assertEquals(2, bcs[25 + qc.length]);
  }

  @Test
  void retrievalRequestLayout() {
    byte[] wire = new BlockRetrievalRequest(HashValue.ZERO, 3).encode();
    byte[] expected = new BcsWriter().writeVariant(0).writeUleb128(32)
        .writeFixedBytes(new byte[32]).writeU64(3).toByteArray();
    assertArrayEquals(expected, wire);
  }

  @Test
  void timeoutsSignEpochRoundAndHqcRoundOnly() {
    byte[] msg = TwoChainTimeout.signingMessage(1, 9, 7);
    byte[] prefix = CryptoHasher.forType("TimeoutSigningRepr").prefix();
    assertArrayEquals(prefix, Arrays.copyOf(msg, 32));
    assertArrayEquals(new BcsWriter().writeU64(1).writeU64(9).writeU64(7).toByteArray(),
        Arrays.copyOfRange(msg, 32, msg.length));
  }

  @Test
  void voteDataHashBindsTheLedgerInfo() {
    Vote v = chain.vote(0, e1);
    assertEquals(v.voteData().hash(), v.ledgerInfo().consensusDataHash());
    assertEquals(CryptoHasher.forType("VoteData").hash(v.voteData().toBcs()), v.voteData().hash());
    // Consecutive rounds: the vote commits the parent (genesis).
    assertEquals(chain.genesisBlock().info(), v.ledgerInfo().commitInfo());
  }
}
