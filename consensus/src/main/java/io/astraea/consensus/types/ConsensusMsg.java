package io.astraea.consensus.types;

import io.astraea.crypto.bcs.BcsEncodable;
import io.astraea.crypto.bcs.BcsException;
import io.astraea.crypto.bcs.BcsReader;
import io.astraea.crypto.bcs.BcsWriter;

/**
 * A consensus message on the wire: a BCS enum whose variants 0..6 follow Diem's
 * {@code ConsensusMsg}; variant 7 is the 2-chain {@link TimeoutMsg}.
 *
 * <pre>
 *   0 BlockRetrievalRequest   4 SyncInfo
 *   1 BlockRetrievalResponse  5 EpochChangeProof
 *   2 EpochRetrievalRequest   6 VoteMsg
 *   3 ProposalMsg             7 TimeoutMsg
 * </pre>
 */
public sealed interface ConsensusMsg extends BcsEncodable
    permits BlockRetrievalRequest,
        BlockRetrievalResponse,
        EpochRetrievalRequest,
        ProposalMsg,
        SyncInfo,
        EpochChangeProof,
        VoteMsg,
        TimeoutMsg {

  int VARIANTS = 8;

  /** This message's variant index in the wire enum. */
  int variant();

  /** The epoch the message belongs to, or -1 for epoch-less requests. */
  long epoch();

  /** The wire form: variant tag, then the message. */
  default byte[] encode() {
    BcsWriter w = new BcsWriter(256);
    w.writeVariant(variant());
    serialize(w);
    return w.toByteArray();
  }

  /** Decodes one complete wire message; trailing bytes are an error. */
  static ConsensusMsg decode(byte[] bytes) throws BcsException {
    return BcsReader.decode(bytes, ConsensusMsg::decode);
  }

  static ConsensusMsg decode(BcsReader r) throws BcsException {
    int v = r.readVariant(VARIANTS);
    return switch (v) {
      case 0 -> BlockRetrievalRequest.decode(r);
      case 1 -> BlockRetrievalResponse.decode(r);
      case 2 -> EpochRetrievalRequest.decode(r);
      case 3 -> ProposalMsg.decode(r);
      case 4 -> SyncInfo.decode(r);
      case 5 -> EpochChangeProof.decode(r);
      case 6 -> VoteMsg.decode(r);
      default -> TimeoutMsg.decode(r);
    };
  }
}
