package io.astraea.consensus.types;

import io.astraea.crypto.AccountAddress;
import io.astraea.crypto.Ed25519Signature;
import io.astraea.crypto.HashValue;
import io.astraea.crypto.bcs.BcsEncodable;
import io.astraea.crypto.bcs.BcsException;
import io.astraea.crypto.bcs.BcsReader;
import io.astraea.crypto.bcs.BcsWriter;
import io.astraea.crypto.quorum.BlockInfo;
import io.astraea.crypto.quorum.LedgerInfo;
import io.astraea.crypto.quorum.ValidatorVerifier;
import io.astraea.crypto.quorum.VerifyException;
import java.util.Objects;
import java.util.Optional;

/**
 * A block: its {@link BlockData} and, for proposals, the author's signature over it. The id is
 * computed once from the data. Immutable.
 */
public final class Block implements BcsEncodable {
  private final BlockData data;
  private final Optional<Ed25519Signature> signature;
  private final HashValue id;

  public Block(BlockData data, Optional<Ed25519Signature> signature) {
    this.data = Objects.requireNonNull(data);
    this.signature = Objects.requireNonNull(signature);
    this.id = data.hash();
  }

  public static Block decode(BcsReader r) throws BcsException {
    r.enter();
    Block b = new Block(BlockData.decode(r), r.readOption(Ed25519Signature::decode));
    r.leave();
    return b;
  }

  /**
   * The genesis block of the epoch that {@code previous} hands over to: round 0, time and state of
   * the ledger info that ended the previous epoch (or the bootstrap ledger info).
   */
  public static Block genesis(LedgerInfo previous) {
    BlockInfo prev = previous.commitInfo();
    long epoch = prev.hasReconfiguration() ? prev.nextEpochState().get().epoch() : prev.epoch();
    BlockInfo anchor =
        new BlockInfo(
            epoch,
            0,
            HashValue.ZERO,
            prev.executedStateId(),
            prev.version(),
            prev.timestampUsecs(),
            Optional.empty());
    BlockData data =
        new BlockData(
            epoch, 0, prev.timestampUsecs(), QuorumCert.forGenesis(anchor), new BlockType.Genesis());
    return new Block(data, Optional.empty());
  }

  @Override
  public void serialize(BcsWriter w) {
    data.serialize(w);
    w.writeOption(signature, (ww, s) -> s.serialize(ww));
  }

  public BlockData data() {
    return data;
  }

  public HashValue id() {
    return id;
  }

  public long epoch() {
    return data.epoch();
  }

  public long round() {
    return data.round();
  }

  public long timestampUsecs() {
    return data.timestampUsecs();
  }

  public QuorumCert quorumCert() {
    return data.quorumCert();
  }

  public HashValue parentId() {
    return data.quorumCert().certifiedBlock().id();
  }

  public Optional<Ed25519Signature> signature() {
    return signature;
  }

  public boolean isGenesis() {
    return data.blockType() instanceof BlockType.Genesis;
  }

  public boolean isNil() {
    return data.blockType() instanceof BlockType.NilBlock;
  }

  public Optional<AccountAddress> author() {
    return data.blockType() instanceof BlockType.Proposal p
        ? Optional.of(p.author())
        : Optional.empty();
  }

  public Payload payload() {
    return data.blockType() instanceof BlockType.Proposal p ? p.payload() : Payload.EMPTY;
  }

  /**
   * Structural checks that need no keys: the parent precedes this block in round and time within
   * the same epoch, genesis blocks are unsigned round 0, proposals are signed.
   */
  public void verifyWellFormed() throws VerifyException {
    BlockInfo parent = quorumCert().certifiedBlock();
    if (isGenesis()) {
      if (round() != 0 || signature.isPresent()) {
        throw new VerifyException(VerifyException.Kind.INCONSISTENT, "malformed genesis block");
      }
      return;
    }
    if (round() == 0 || Long.compareUnsigned(parent.round(), round()) >= 0) {
      throw new VerifyException(
          VerifyException.Kind.INCONSISTENT,
          "block round " + round() + " not above parent round " + parent.round());
    }
    if (parent.epoch() != epoch()) {
      throw new VerifyException(VerifyException.Kind.WRONG_EPOCH, "parent in another epoch");
    }
    if (Long.compareUnsigned(timestampUsecs(), parent.timestampUsecs()) < 0) {
      throw new VerifyException(VerifyException.Kind.INCONSISTENT, "block time before parent");
    }
    if (parent.hasReconfiguration() && !payload().isEmpty()) {
      throw new VerifyException(
          VerifyException.Kind.INCONSISTENT, "block after a reconfiguration carries a payload");
    }
    if (author().isPresent() != signature.isPresent()) {
      throw new VerifyException(
          VerifyException.Kind.INCONSISTENT, "only proposals are signed, and always");
    }
  }

  /** Full verification: well-formedness, the author's signature and the parent certificate. */
  public void verify(ValidatorVerifier verifier, SignatureChecker checker) throws VerifyException {
    verifyWellFormed();
    if (isGenesis() || checker.isVerified(verifier, this)) {
      return;
    }
    Optional<AccountAddress> author = author();
    if (author.isPresent()) {
      checker.verify(verifier, author.get(), data.signingMessage(), signature.get());
    }
    quorumCert().verify(verifier, checker);
    checker.recordVerified(verifier, this);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Block b && id.equals(b.id) && signature.equals(b.signature);
  }

  @Override
  public int hashCode() {
    return id.hashCode();
  }

  @Override
  public String toString() {
    return "Block(epoch "
        + epoch()
        + " round "
        + round()
        + " id "
        + id.toHex().substring(0, 8)
        + " parent "
        + parentId().toHex().substring(0, 8)
        + author().map(a -> " by " + a.toHex().substring(0, 8)).orElse("")
        + ")";
  }
}
