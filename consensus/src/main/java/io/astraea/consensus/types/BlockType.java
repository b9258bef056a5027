package io.astraea.consensus.types;

import io.astraea.crypto.AccountAddress;
import io.astraea.crypto.bcs.BcsEncodable;
import io.astraea.crypto.bcs.BcsException;
import io.astraea.crypto.bcs.BcsReader;
import io.astraea.crypto.bcs.BcsWriter;

/**
 * What kind of block a {@link BlockData} describes, in Diem's variant order: a leader's proposal
 * (payload and author), a NIL block (no author, no payload) or the genesis block of an epoch.
 */
public sealed interface BlockType extends BcsEncodable
    permits BlockType.Proposal, BlockType.NilBlock, BlockType.Genesis {

  /** Variant 0: a proposal signed by {@code author}. */
  record Proposal(Payload payload, AccountAddress author) implements BlockType {
    @Override
    public void serialize(BcsWriter w) {
      w.writeVariant(0);
      payload.serialize(w);
      author.serialize(w);
    }
  }

  /** Variant 1: a block without author or payload. */
  record NilBlock() implements BlockType {
    @Override
    public void serialize(BcsWriter w) {
      w.writeVariant(1);
    }
  }

  /** Variant 2: the root of an epoch. */
  record Genesis() implements BlockType {
    @Override
    public void serialize(BcsWriter w) {
      w.writeVariant(2);
    }
  }

  static BlockType decode(BcsReader r) throws BcsException {
    int v = r.readVariant(3);
    return switch (v) {
      case 0 -> {
        r.enter();
        Proposal p = new Proposal(Payload.decode(r), AccountAddress.decode(r));
        r.leave();
        yield p;
      }
      case 1 -> new NilBlock();
      default -> new Genesis();
    };
  }
}
