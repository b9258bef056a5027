package io.astraea.consensus.safety;

import io.astraea.consensus.types.Vote;
import io.astraea.crypto.bcs.BcsEncodable;
import io.astraea.crypto.bcs.BcsException;
import io.astraea.crypto.bcs.BcsReader;
import io.astraea.crypto.bcs.BcsWriter;
import java.util.Optional;

/**
 * Everything a validator must remember to never contradict itself: the epoch, the highest round
 * it voted or timed out in, the 2-chain preferred and one-chain rounds, its last vote (re-sent if
 * asked again for the same round) and its highest timeout round. Encoded in BCS for storage.
 */
public record SafetyData(
    long epoch,
    long lastVotedRound,
    long preferredRound,
    long oneChainRound,
    Optional<Vote> lastVote,
    long highestTimeoutRound)
    implements BcsEncodable {

  /** The state of a validator that has not yet acted in {@code epoch}. */
  public static SafetyData initial(long epoch) {
    return new SafetyData(epoch, 0, 0, 0, Optional.empty(), 0);
  }

  public static SafetyData decode(BcsReader r) throws BcsException {
    return new SafetyData(
        r.readU64(),
        r.readU64(),
        r.readU64(),
        r.readU64(),
        r.readOption(Vote::decode),
        r.readU64());
  }

  @Override
  public void serialize(BcsWriter w) {
    w.writeU64(epoch).writeU64(lastVotedRound).writeU64(preferredRound).writeU64(oneChainRound);
    w.writeOption(lastVote, (ww, v) -> v.serialize(ww));
    w.writeU64(highestTimeoutRound);
  }

  SafetyData withLastVotedRound(long round) {
    return new SafetyData(
        epoch, round, preferredRound, oneChainRound, lastVote, highestTimeoutRound);
  }

  SafetyData withChainRounds(long preferred, long oneChain) {
    return new SafetyData(epoch, lastVotedRound, preferred, oneChain, lastVote, highestTimeoutRound);
  }

  SafetyData withLastVote(Vote vote) {
    return new SafetyData(
        epoch, lastVotedRound, preferredRound, oneChainRound, Optional.of(vote), highestTimeoutRound);
  }

  SafetyData withHighestTimeoutRound(long round) {
    return new SafetyData(epoch, lastVotedRound, preferredRound, oneChainRound, lastVote, round);
  }
}
